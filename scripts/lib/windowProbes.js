'use strict';
/*
 * Optional probes of the workbench's window, for the benches (off unless their variable is set):
 * STAR_RENDERER_PROFILE=<file.cpuprofile>  a CPU profile of the window's JavaScript, written when the run ends;
 * STAR_WS_BYTES=1                          the bytes of the window's websocket frames by second, printed at the end
 *                                          (what the extension host and the server send the window, and back).
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
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const count = (direction) => ({ response }) => {
      const second = Math.floor(Date.now() / 1000);
      const row = bySecond.get(second) ?? { received: 0, sent: 0, frames: 0 };
      // Binary frames come base64-encoded.
      row[direction] += response.opcode === 2 ? Math.floor((response.payloadData.length * 3) / 4) : response.payloadData.length;
      row.frames++;
      bySecond.set(second, row);
    };
    cdp.on('Network.webSocketFrameReceived', count('received'));
    cdp.on('Network.webSocketFrameSent', count('sent'));
    stops.push(async () => {
      for (const [second, row] of bySecond) log(`window websocket at ${second}: received ${row.received} bytes, sent ${row.sent} bytes, ${row.frames} frames`);
    });
  }
  return async () => {
    for (const stop of stops) await stop();
  };
}

module.exports = { startWindowProbes };
