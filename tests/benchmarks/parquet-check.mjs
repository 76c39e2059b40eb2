// Reads a `dssm encode --format parquet` file with DuckDB (an independent Parquet reader, sharing no code with the
// kit) and compares it with the kit's own index file of the same corpus, and its text hashes with the corpus:
//
//   dssm encode --model RUN --data DATA --out /tmp/v.idx
//   dssm encode --model RUN --data DATA --out /tmp/v.parquet --format parquet
//   tests/benchmarks/parquet-check.sh /tmp/v.parquet /tmp/v.idx DATA/corpus.jsonl
//
// Checks: the schema DuckDB sees (id VARCHAR, vector FLOAT[], text_sha256 VARCHAR), the row count, every id in
// order, every vector bit for bit against the index file (whose layout and SHA-256 are read here from its documented
// form), every text_sha256 against SHA-256 of the corpus document's title + " " + text (either alone when the other
// is empty), and that DuckDB's own list_cosine_similarity of a row with itself is 1. Exit 1 on any difference.
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';

const [parquetPath, indexPath, corpusPath] = process.argv.slice(2);
if (!parquetPath || !indexPath) { console.error('usage: parquet-check.mjs FILE.parquet FILE.idx [corpus.jsonl]'); process.exit(2); }
let failures = 0;
const fail = (m) => { if (failures++ < 20) console.log('FAIL ' + m); };

// The index file: "DSSMEIDX", int32 version, N, D, reserved, N × (int32 length + UTF-8 id), N×D float32, SHA-256.
const buf = readFileSync(indexPath);
if (buf.subarray(0, 8).toString('latin1') !== 'DSSMEIDX') { console.error(`${indexPath}: not an index file`); process.exit(2); }
const sha = createHash('sha256').update(buf.subarray(0, buf.length - 32)).digest();
if (!sha.equals(buf.subarray(buf.length - 32))) { console.error(`${indexPath}: checksum mismatch`); process.exit(2); }
const n = buf.readInt32LE(12), d = buf.readInt32LE(16);
let at = 24;
const ids = [];
for (let i = 0; i < n; i++) { const len = buf.readInt32LE(at); ids.push(buf.toString('utf8', at + 4, at + 4 + len)); at += 4 + len; }
const matrix = new Float32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + n * d * 4));

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const schema = (await (await con.run(`DESCRIBE SELECT * FROM read_parquet('${parquetPath}')`)).getRowObjects())
  .map(r => `${r.column_name} ${r.column_type}`).join(', ');
console.log(`DuckDB ${(await (await con.run('SELECT version() AS v')).getRowObjects())[0].v} reads ${parquetPath}: ${schema}`);
if (schema !== 'id VARCHAR, vector FLOAT[], text_sha256 VARCHAR') fail(`schema is "${schema}"`);
const count = Number((await (await con.run(`SELECT count(*) AS c FROM read_parquet('${parquetPath}')`)).getRowObjects())[0].c);
if (count !== n) fail(`${count} rows, the index has ${n}`);

const hashes = new Map();
const reader = await con.streamAndReadUntil(`SELECT id, vector, text_sha256, list_cosine_similarity(vector, vector) AS self FROM read_parquet('${parquetPath}')`, Number.MAX_SAFE_INTEGER);
const rows = reader.getRowObjects();
let maxSelfError = 0;
rows.forEach((r, i) => {
  if (r.id !== ids[i]) fail(`row ${i}: id ${r.id}, the index has ${ids[i]}`);
  const v = r.vector.items;
  if (v.length !== d) fail(`row ${i}: ${v.length} dimensions, the index has ${d}`);
  for (let j = 0; j < d; j++) if (Math.fround(v[j]) !== matrix[i * d + j]) { fail(`row ${i} (${r.id}) element ${j}: ${v[j]} vs ${matrix[i * d + j]}`); break; }
  if (r.self !== null) maxSelfError = Math.max(maxSelfError, Math.abs(r.self - 1));
  hashes.set(r.id, r.text_sha256);
});
if (maxSelfError > 1e-5) fail(`list_cosine_similarity(v, v) is off 1 by ${maxSelfError}`);

let checked = 0;
if (corpusPath) {
  for await (const line of createInterface({ input: createReadStream(corpusPath) })) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    const id = String(doc._id), title = doc.title ?? '', text = doc.text ?? '';
    const full = title.length === 0 ? text : text.length === 0 ? title : `${title} ${text}`;
    if (!hashes.has(id)) { fail(`corpus document ${id} is not in the Parquet file`); continue; }
    const h = createHash('sha256').update(full, 'utf8').digest('hex');
    if (h !== hashes.get(id)) fail(`document ${id}: text_sha256 ${hashes.get(id)}, SHA-256 of its text ${h}`);
    checked++;
  }
  if (checked !== n) fail(`${checked} corpus documents, ${n} rows`);
}
console.log(`${rows.length} rows × ${d} floats compared bit for bit with ${indexPath}; ${checked} text hashes checked; ` +
  `max |cos(v,v) − 1| ${maxSelfError.toExponential(2)}: ${failures === 0 ? 'ok' : failures + ' differences'}`);
process.exit(failures === 0 ? 0 : 1);
