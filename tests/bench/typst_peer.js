// The Typst peer of the benchmark (bench.py): compiles PACK.typ to PDF with the Typst compiler
// (npm @myriaddreamin/typst-ts-node-compiler), a fresh compiler each run, as a command-line run
// would, Node's own start-up left out. Prints the median milliseconds of RUNS runs after one
// warm-up, and writes the PDF.
//
//   NODE_PATH=tests/bench/typst/node_modules node typst_peer.js PACK.typ OUT.pdf RUNS
const fs = require("fs");
const path = require("path");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const [input, output, runsText] = process.argv.slice(2);
const runs = Math.max(1, parseInt(runsText || "3", 10));
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
const times = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  once();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
console.log(times[Math.floor(times.length / 2)].toFixed(1));
