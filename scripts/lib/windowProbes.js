'use strict';
/*
 * Optional probes of the workbench's window, for the benches (off unless their variable is set):
 * STAR_RENDERER_PROFILE=<file.cpuprofile>  a CPU profile of the window's JavaScript, written when the run ends;
 * STAR_WS_BYTES=1                          the bytes of the window's websocket frames by second, printed at the end
 *                                          (what the extension host and the server send the window, and back), and
 *                                          the RPC methods named in the frames received, counted over the run.
 */
const fs = require('node:fs');

/** Starts the probes asked for on a loaded page; the function returned stops them and reports. */
async function startWindowProbes(page, log) {
  const stops = [];
  const profileFile = process.env.STAR_RENDERER_PROFILE;
  if (profileFile) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    stops.push(async () => {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(profileFile, JSON.stringify(profile));
      log(`the window's CPU profile: ${profileFile}`);
    });
  }
  if (process.env.STAR_WS_BYTES === '1') {
    const bySecond = new Map();
    const methods = new Map();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const count = (direction) => ({ response }) => {
      const second = Math.floor(Date.now() / 1000);
      const row = bySecond.get(second) ?? { received: 0, sent: 0, frames: 0 };
      // Binary frames come base64-encoded.
      row[direction] += response.opcode === 2 ? Math.floor((response.payloadData.length * 3) / 4) : response.payloadData.length;
      row.frames++;
      bySecond.set(second, row);
      if (direction === 'received' && response.opcode === 2) {
        // VS Code's RPC writes a request's method name as plain text ($changeMany, $setEntry…).
        for (const [method] of Buffer.from(response.payloadData, 'base64').toString('latin1').matchAll(/\$[A-Za-z]{3,}/g)) methods.set(method, (methods.get(method) ?? 0) + 1);
      }
    };
    cdp.on('Network.webSocketFrameReceived', count('received'));
    cdp.on('Network.webSocketFrameSent', count('sent'));
    stops.push(async () => {
      for (const [second, row] of bySecond) log(`window websocket at ${second}: received ${row.received} bytes, sent ${row.sent} bytes, ${row.frames} frames`);
      const frames = [...bySecond.values()].reduce((sum, row) => sum + row.frames, 0);
      log(`window websocket: ${frames} frames in all; methods received: ${[...methods].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${m} ${n}`).join(', ')}`);
    });
  }
  return async () => {
    for (const stop of stops) await stop();
  };
}

module.exports = { startWindowProbes };
