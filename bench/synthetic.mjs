// Synthetic parsed documents of the real shape, made at run time: each document cites ~10 others (3 central
// texts, many cited, and 7 earlier documents of the corpus) with ~29 mentions, some spelled in another way,
// one in twenty states a relation between two documents it cites, one in a hundred amends one.

const CODES = [["KH", "Kế hoạch"], ["NQ", "Nghị quyết"], ["CT", "Chỉ thị"], ["HD", "Hướng dẫn"], ["KL", "Kết luận"], ["CTr", "Chương trình"]];
const ISSUERS = ["TU", "HU", "ĐU", "BTGTU", "UBKTTU", "BDVTU", "TW", "QU"];
const RELATIONS = ["implements", "basedOn", "continues", "mentions", "guides", "implements", "basedOn", "mentions", "mentions", "implements"];

/** A small fast seeded generator (mulberry32): the same output on every run and machine (the noise tests use it too). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CENTRAL = 2000;
const keyOf = (i) => `${i + 1}-${CODES[i % 6][0]}/${ISSUERS[i % 8]}`;
const centralKey = (c) => `${c + 1}-${CODES[c % 5][0]}/TW`;
const dateOf = (i) => `20${String(10 + (i % 15)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;

/** Document i of a corpus (i from 0): a GraphRecord, as parseDocument gives and graphRecordOf keeps. */
export function syntheticRecord(i, rand = random(i + 1)) {
  const targets = new Map();
  while (targets.size < 3) {
    const c = Math.floor(CENTRAL * rand() ** 3); // a few central texts cited by very many
    targets.set(centralKey(c), { kind: CODES[c % 5][1], code: CODES[c % 5][0], issuedBy: "Bộ Chính trị", date: dateOf(c) });
  }
  for (let tries = 0; targets.size < 10 && tries < 40 && i > 0; tries++) {
    const j = Math.floor(i * rand());
    targets.set(keyOf(j), { kind: CODES[j % 6][1], code: CODES[j % 6][0], issuedBy: null, date: dateOf(j) });
  }
  const mentions = [];
  const cited = [];
  let offset = 400;
  let k = 0;
  for (const [key, t] of targets) {
    const times = k < 9 ? 3 : 2;
    for (let m = 0; m < times; m++) {
      const spelled = m === 2 && rand() < 0.3 ? key.replace("-", " - ") : m === 1 && rand() < 0.2 ? `0${key}` : key;
      const text = `${t.kind} số ${spelled}${m === 0 ? ` ngày ${t.date.slice(8)}/${t.date.slice(5, 7)}/${t.date.slice(0, 4)}` : ""}`;
      const idStart = offset + t.kind.length + 4;
      mentions.push({
        text, start: offset, end: offset + text.length, resolvedKey: key, resolvedBy: "identifier",
        citation: {
          key, nameKey: null, kind: t.kind, typeCode: t.code, issuedBy: t.issuedBy, date: m === 0 ? t.date : null, term: null, subject: null,
          spans: { identifier: { text: spelled, start: idStart, end: idStart + spelled.length } },
        },
      });
      offset += text.length + 150 + Math.floor(rand() * 400);
    }
    cited.push({ key, relation: RELATIONS[k], mentions: times });
    k++;
  }
  const keys = [...targets.keys()];
  const statedRelations = i % 20 === 7 && keys.length > 4
    ? [{ from: keys[3], to: keys[0], relation: "continues", evidence: { text: `${keys[3]} tiếp tục ${keys[0]}`, start: offset, end: offset + 30 } }]
    : [];
  const amendments = i % 100 === 42 && keys.length > 5
    ? [{ action: "amends", target: keys[5], pinpoint: { paths: [{ article: String(1 + (i % 9)), clause: "2" }] }, date: null, span: { text: "sửa đổi", start: offset + 40, end: offset + 47 } }]
    : [];
  return {
    id: `doc-${i}`, key: keyOf(i), type: { value: CODES[i % 6][1] }, date: { value: dateOf(i) },
    subject: { value: `về việc thực hiện nhiệm vụ năm ${2010 + (i % 15)} số ${i}` },
    mentions, cited, amendments, statedRelations,
  };
}

/** Documents 0 … n-1, one at a time. */
export function* syntheticCorpus(n) {
  for (let i = 0; i < n; i++) yield syntheticRecord(i);
}

export { centralKey, keyOf };
