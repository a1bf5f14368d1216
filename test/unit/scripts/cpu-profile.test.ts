import assert from 'node:assert/strict';
import { type CpuProfile, explainBlocks } from '../../../scripts/bench/cpuProfile';

const DIST = '/ext/dist';

/** A profile of 10 ms samples: `owners[i]` says whose code sample i ran ('ours', 'vscode' or 'idle'). */
function profileOf(owners: ('ours' | 'vscode' | 'idle')[]): CpuProfile {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: [2, 3, 4] },
    { id: 2, callFrame: { functionName: 'lint', url: `file://${DIST}/extension.js`, lineNumber: 9, columnNumber: 0 } },
    { id: 3, callFrame: { functionName: 'dispatch', url: 'file:///vscode/out/vs/workbench/api/node/extensionHostProcess.js', lineNumber: 0, columnNumber: 0 } },
    { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 } },
  ];
  const id = { ours: 2, vscode: 3, idle: 4 };
  return { nodes, samples: owners.map((o) => id[o]), timeDeltas: owners.map(() => 10_000), startTime: 0, endTime: owners.length * 10_000 };
}

describe('the editor bench: what ran through a block of the host', () => {
  it("estimates our time on a processor from our share of the samples and the time the thread ran", () => {
    // Samples at 10..100 ms; the block ends at 100 ms and lasted 80 ms (it began 10 ms after the tick before).
    const profile = profileOf(['idle', 'ours', 'ours', 'ours', 'vscode', 'ours', 'ours', 'ours', 'vscode', 'idle']);
    const text = explainBlocks(profile, DIST, 0, [{ ms: 80, at: 100, ranMs: 40, waitedMs: 40 }]);
    assert.match(text, /the thread ran 40 and waited 40: ours ≈ 30 on a processor/);
    assert.match(text, /the most our code ran on a processor in one \(estimate above\): 30 ms/);
  });

  it('counts nothing of ours where the thread ran nothing of ours', () => {
    const profile = profileOf(['vscode', 'vscode', 'vscode', 'vscode', 'vscode', 'vscode', 'vscode', 'vscode', 'vscode', 'vscode']);
    const text = explainBlocks(profile, DIST, 0, [{ ms: 80, at: 100, ranMs: 70, waitedMs: 0 }]);
    assert.match(text, /ours ≈ 0 on a processor/);
  });

  it('says nothing of processor time where the monitor could not read it (not Linux)', () => {
    const text = explainBlocks(profileOf(['ours', 'ours', 'ours']), DIST, 0, [{ ms: 20, at: 30 }]);
    assert.doesNotMatch(text, /on a processor/);
  });
});
