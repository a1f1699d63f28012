const { parser } = require('stream-json'); const { streamArray } = require('stream-json/streamers/StreamArray');
const fs = require('fs'); const t = Date.now(); let n = 0;
(async () => { for await (const x of fs.createReadStream('/tmp/pl/big.json').pipe(parser({ streamValues: false })).pipe(streamArray())) n++; console.log(n, Date.now() - t, 'ms'); })();
