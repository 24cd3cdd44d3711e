// The Typst peer of the benchmark (bench.py): compiles PACK.typ to PDF with the Typst compiler
// (npm @myriaddreamin/typst-ts-node-compiler), a fresh compiler (fonts scanned again) each time.
//
//   NODE_PATH=tests/bench/typst/node_modules node typst_peer.js PACK.typ OUT.pdf RUNS
//     in one process: one warm-up, then RUNS compilations; prints their median milliseconds
//     (the compiler's own time, warm: module loaded, code paged in; for the record)
//   NODE_PATH=tests/bench/typst/node_modules node typst_peer.js PACK.typ OUT.pdf 0
//     as a command-line run: load the compiler, compile once, write OUT.pdf, exit. bench.py
//     times this whole process, as it times plenary's, and subtracts Node's own start-up
//     (`node -e 0`, timed the same way), which a native typst command would not pay.
const fs = require("fs");
const path = require("path");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const [input, output, runsText] = process.argv.slice(2);
const runs = parseInt(runsText || "3", 10);
const source = fs.readFileSync(input, "utf8");
const workspace = path.dirname(path.resolve(input));

function once() {
  const compiler = NodeCompiler.create({
    workspace,
    fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/dejavu"] }],
  });
  const pdf = compiler.pdf({ mainFileContent: source });
  return pdf;
}

fs.writeFileSync(output, once());
if (runs > 0) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    once();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(times[Math.floor(times.length / 2)].toFixed(1));
}
