#!/usr/bin/python3
"""Extract the vocabulary the benchmark data generator needs from ESCO v1.1.1 and O*NET 29.2.

Usage (standard library only; the same inputs give byte-identical files):

    /usr/bin/python3 bench/make_vocab.py                       # the shipped sample, bench/vocab/
    /usr/bin/python3 bench/make_vocab.py --full --out DIR      # every ESCO occupation
    options: --data DIR (default ../shared/data beside the project), --count N (sample size, 300)

Reads, under --data:
    esco-v1.1.1/occupations_en.csv, skills_en.csv, occupationSkillRelations.csv, ISCOGroups_en.csv
    onet-29.2/Occupation Data.txt, Interests.txt, Job Zones.txt, Work Values.txt

Writes, under --out (tab-separated, UTF-8, one header line starting with '#'):
    occupations.tsv        one ESCO occupation per line: its URI, ESCO code (ISCO-08 unit group with
                           ESCO's .N segments), ISCO-08 unit group, preferred label, the closest
                           O*NET-SOC occupation (code and title), and that occupation's O*NET job
                           zone, RIASEC occupational interests (OI, 1..7), interest high-point code
                           and work values (EX, 1..7; empty when O*NET has none)
    skills.tsv             the ESCO skills and knowledge concepts those occupations use: URI, kind
                           (S skill/competence, K knowledge), preferred label
    occupation_skills.tsv  per occupation (by line index of occupations.tsv): the indexes in
                           skills.tsv of its essential and of its optional skills, comma-separated
    SOURCE.md              where the data comes from, with the ESCO and O*NET attributions

ESCO does not link its occupations to O*NET.  The O*NET-SOC code of each occupation is chosen
automatically: the O*NET occupation (among those with interests and a job zone, in SOC major groups
that fit the occupation's ISCO-08 sub-major group) whose title and description are most similar to the
ESCO occupation's labels and description (TF-IDF cosine similarity of word stems; the title counts
three times the description; the ISCO-08 unit group's label joins the ESCO side).  It is a plausible neighbour, not an official crosswalk.

The sample (without --full) holds --count occupations chosen reproducibly (by a hash of the URI)
with quotas per ISCO-08 major group weighted towards the entry-level occupations of supported
employment (elementary occupations, services and sales, clerical work, machine operators, crafts),
each with at least 8 skills in ESCO.
"""

import argparse
import collections
import csv
import hashlib
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data"))
DEFAULT_OUT = os.path.join(HERE, "vocab")

RIASEC = "RIASEC"
VALUES = ["Achievement", "Working Conditions", "Recognition", "Relationships", "Support",
          "Independence"]

# SOC 2018 major groups (first two digits of an O*NET-SOC code) that can hold occupations of each
# ISCO-08 sub-major group (first two digits); a major group (one digit) is the fallback.
SOC_FOR_ISCO = {
    "01": "55", "02": "55", "03": "55",
    "11": "11", "12": "11", "13": "11", "14": "11 35 41",
    "21": "17 19 15", "22": "29", "23": "25", "24": "13 41 27 11", "25": "15",
    "26": "23 21 27 25 19",
    "31": "17 19 29 47 49 51 53", "32": "29 31", "33": "13 41 43", "34": "21 23 27 33 39 35 25",
    "35": "15 27 49",
    "41": "43", "42": "43 41", "43": "43 53", "44": "43",
    "51": "35 39 37 53", "52": "41", "53": "31 39 25", "54": "33",
    "61": "45 37", "62": "45", "63": "45",
    "71": "47", "72": "51 49 47", "73": "51 27", "74": "47 49", "75": "51",
    "81": "51 53", "82": "51", "83": "53 47",
    "91": "37 53 35", "92": "45 37", "93": "47 51 53", "94": "35", "95": "41 39", "96": "53 37 43 39",
    "0": "55", "1": "11", "2": "13 15 17 19 21 23 25 27 29", "3": "13 15 17 19 29 31 33 41 43 47 49 51 53",
    "4": "43 41", "5": "31 33 35 37 39 41", "6": "45 37", "7": "47 49 51", "8": "51 53",
    "9": "35 37 45 47 51 53",
}


# Sample quotas per ISCO-08 major group (sum 300 at the default --count).
QUOTA = {"9": 60, "5": 60, "4": 40, "8": 40, "7": 40, "3": 25, "6": 15, "2": 12, "1": 8}

STOP = set("""a an and are as at be by for from in into is it its of on or such that the their them
they this to use used using with who which other others all any various may can also including
include includes etc perform performs performing within under over out up""".split())


def stem(word):
    """A small English stemmer: enough to match 'cleaners' with 'cleaner'."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ers", "er"), ("ors", "or"), ("es", "e"),
                         ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + repl
    return word


def tokens(text):
    return [stem(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 1]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def num(x):
    """Shortest text of a number as O*NET gives it ('4.5', '3.83')."""
    x = float(x)
    t = repr(round(x, 4))
    return t[:-2] if t.endswith(".0") else t


class TfIdf:
    def __init__(self, docs):
        df = collections.Counter()
        for d in docs:
            df.update(set(d))
        n = len(docs)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.default_idf = math.log(1 + n) + 1.0

    def vector(self, toks):
        tf = collections.Counter(toks)
        v = {w: c * self.idf.get(w, self.default_idf) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}


def load_onet(data):
    d = os.path.join(data, "onet-29.2")
    occ = {r["O*NET-SOC Code"]: (clean(r["Title"]), r["Description"])
           for r in read_tsv(os.path.join(d, "Occupation Data.txt"))}
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in read_tsv(os.path.join(d, "Job Zones.txt"))}
    oi = collections.defaultdict(dict)
    ih = collections.defaultdict(dict)
    for r in read_tsv(os.path.join(d, "Interests.txt")):
        code, name, scale = r["O*NET-SOC Code"], r["Element Name"], r["Scale ID"]
        if scale == "OI":
            oi[code][name[0]] = num(r["Data Value"])
        elif scale == "IH":
            ih[code][name.split()[0]] = int(float(r["Data Value"]))
    wv = collections.defaultdict(dict)
    for r in read_tsv(os.path.join(d, "Work Values.txt")):
        if r["Scale ID"] == "EX":
            wv[r["O*NET-SOC Code"]][r["Element Name"]] = num(r["Data Value"])
    out = {}
    for code, (title, desc) in occ.items():
        if code not in zones or len(oi.get(code, {})) != 6:
            continue
        hp = ""
        for k in ("First", "Second", "Third"):
            v = ih[code].get(k, 0)
            if 1 <= v <= 6 and RIASEC[v - 1] not in hp:
                hp += RIASEC[v - 1]
        values = [wv[code].get(v, "") for v in VALUES] if len(wv.get(code, {})) == 6 else [""] * 6
        out[code] = dict(title=title, desc=desc, zone=zones[code],
                         oi=[oi[code][c] for c in RIASEC], hp=hp, values=values)
    return out


def map_to_onet(esco_occs, onet, isco_labels):
    codes = sorted(onet)
    title_docs = [tokens(onet[c]["title"]) for c in codes]
    desc_docs = [tokens(onet[c]["desc"]) for c in codes]
    t_model, d_model = TfIdf(title_docs), TfIdf(desc_docs)
    t_vecs = [t_model.vector(t) for t in title_docs]
    d_vecs = [d_model.vector(t) for t in desc_docs]
    t_index, d_index = collections.defaultdict(list), collections.defaultdict(list)
    for i, v in enumerate(t_vecs):
        for w, x in v.items():
            t_index[w].append((i, x))
    for i, v in enumerate(d_vecs):
        for w, x in v.items():
            d_index[w].append((i, x))
    result = {}
    for o in esco_occs:
        labels = [o["preferredLabel"]] + [a for a in o["altLabels"].split("\n") if a.strip()]
        group = isco_labels.get(o["iscoGroup"], "")
        tv = t_model.vector(tokens(" ".join([o["preferredLabel"]] * 3 + labels + [group] * 2)))
        dv = d_model.vector(tokens(" ".join([o["description"], o["preferredLabel"], group])))
        score = collections.defaultdict(float)
        for w, x in tv.items():
            for i, y in t_index.get(w, ()):
                score[i] += 3.0 * x * y
        for w, x in dv.items():
            for i, y in d_index.get(w, ()):
                score[i] += x * y
        allowed = set(SOC_FOR_ISCO.get(o["iscoGroup"][:2], SOC_FOR_ISCO.get(o["iscoGroup"][:1], "")).split())
        best = max(((s, -i) for i, s in score.items() if codes[i][:2] in allowed), default=None)
        if best is None:
            best = max(((s, -i) for i, s in score.items()), default=(0.0, 0))
        result[o["conceptUri"]] = codes[-best[1]]
    return result


def choose_sample(occs, count):
    total = sum(QUOTA.values())
    by_group = collections.defaultdict(list)
    for o in occs:
        by_group[o["iscoGroup"][:1]].append(o)
    chosen = []
    for g in sorted(QUOTA):
        want = round(QUOTA[g] * count / total)
        pool = sorted(by_group.get(g, []), key=lambda o: hashlib.sha1(o["conceptUri"].encode()).hexdigest())
        chosen.extend(pool[:want])
    return chosen


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with esco-v1.1.1/ and onet-29.2/")
    ap.add_argument("--out", default=None, help="output folder (default bench/vocab, or required with --full)")
    ap.add_argument("--full", action="store_true", help="every ESCO occupation, not a sample")
    ap.add_argument("--count", type=int, default=300, help="occupations in the sample (default 300)")
    args = ap.parse_args(argv)
    out = args.out or (None if args.full else DEFAULT_OUT)
    if out is None:
        ap.error("--full needs --out DIR (the shipped sample in bench/vocab stays small)")
    esco = os.path.join(args.data, "esco-v1.1.1")
    if not os.path.isdir(esco) or not os.path.isdir(os.path.join(args.data, "onet-29.2")):
        sys.exit(f"make_vocab.py: no ESCO/O*NET data under {args.data} (use --data DIR)")

    occs = read_csv(os.path.join(esco, "occupations_en.csv"))
    skills = {s["conceptUri"]: s for s in read_csv(os.path.join(esco, "skills_en.csv"))}
    ess, opt = collections.defaultdict(list), collections.defaultdict(list)
    for r in read_csv(os.path.join(esco, "occupationSkillRelations.csv")):
        if r["skillUri"] not in skills:
            continue
        (ess if r["relationType"] == "essential" else opt)[r["occupationUri"]].append(r["skillUri"])
    occs = [o for o in occs if len(ess[o["conceptUri"]]) + len(opt[o["conceptUri"]]) >= (1 if args.full else 8)
            and len(ess[o["conceptUri"]]) >= 1]
    if not args.full:
        occs = choose_sample(occs, args.count)
    occs.sort(key=lambda o: (o["code"], o["conceptUri"]))

    onet = load_onet(args.data)
    isco_labels = {g["code"]: g["preferredLabel"] for g in read_csv(os.path.join(esco, "ISCOGroups_en.csv"))}
    mapping = map_to_onet(occs, onet, isco_labels)

    used = sorted({s for o in occs for s in ess[o["conceptUri"]] + opt[o["conceptUri"]]})
    skill_index = {u: i for i, u in enumerate(used)}

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "occupations.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("#esco_uri\tcode\tisco\tlabel\tonet\tonet_title\tjob_zone\tR\tI\tA\tS\tE\tC\t"
                "interest_code\tachievement\tworking_conditions\trecognition\trelationships\t"
                "support\tindependence\n")
        for o in occs:
            code = mapping[o["conceptUri"]]
            on = onet[code]
            f.write("\t".join([o["conceptUri"], o["code"], o["iscoGroup"], clean(o["preferredLabel"]),
                               code, on["title"], str(on["zone"])] + on["oi"] + [on["hp"]] +
                              on["values"]) + "\n")
    with open(os.path.join(out, "skills.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("#uri\tkind\tlabel\n")
        for u in used:
            kind = "K" if skills[u]["skillType"] == "knowledge" else "S"
            f.write(f"{u}\t{kind}\t{clean(skills[u]['preferredLabel'])}\n")
    with open(os.path.join(out, "occupation_skills.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("#occupation\tessential\toptional\n")
        for i, o in enumerate(occs):
            e = sorted(skill_index[s] for s in set(ess[o["conceptUri"]]))
            p = sorted(skill_index[s] for s in set(opt[o["conceptUri"]]) - set(ess[o["conceptUri"]]))
            f.write(f"{i}\t{','.join(map(str, e))}\t{','.join(map(str, p))}\n")
    with open(os.path.join(out, "SOURCE.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(SOURCE_MD.format(n_occ=len(occs), n_skills=len(used),
                                 n_rel=sum(len(set(ess[o["conceptUri"]]) | set(opt[o["conceptUri"]]))
                                           for o in occs),
                                 what="every ESCO occupation with at least one essential skill"
                                 if args.full else
                                 "a sample of ESCO occupations weighted towards entry-level work",
                                 cmd="make_vocab.py --full --out DIR" if args.full else "make_vocab.py"))
    print(f"make_vocab.py: {len(occs)} occupations, {len(used)} skills -> {out}")


SOURCE_MD = """# Vocabulary for the benchmark data generator

This folder holds {what}.

It has {n_occ} occupations, {n_skills} skills and knowledge concepts and {n_rel} essential and
optional occupation-skill relations, with O*NET job zones, interests and work values. It was
extracted by `bench/{cmd}` (see its docstring and bench/README.md) from:

- **ESCO v1.1.1** (English), the official European Commission CSV export: `occupations_en.csv`,
  `skills_en.csv`, `occupationSkillRelations.csv`, `ISCOGroups_en.csv`. ESCO URIs, codes
  (ISCO-08 unit groups with ESCO's `.N` segments), preferred labels and the essential/optional
  relations are copied unchanged.
- **O*NET 29.2 Database** (February 2025 release): `Occupation Data.txt` (titles), `Job Zones.txt`,
  `Interests.txt` (occupational interests OI and high-point codes IH), `Work Values.txt`
  (extent EX). Values are copied unchanged.

The link from each ESCO occupation to an O*NET-SOC occupation is ours, chosen automatically by the
similarity of titles and descriptions, within the SOC major groups that fit the ISCO-08 sub-major
group (not an official crosswalk).

## Licences and attributions

- ESCO: "ESCO v1.1.1, European Commission". ESCO is published by the European Commission for free
  reuse (Commission Decision 2011/833/EU).
- O*NET: "This includes information from the O*NET 29.2 Database by the U.S. Department of Labor,
  Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."
  The O*NET values (job zones, interests, work values) are copied unchanged; the mapping from ESCO
  occupations to O*NET-SOC codes is ours. USDOL/ETA has not approved, endorsed, or tested these
  modifications.
"""

if __name__ == "__main__":
    main(sys.argv[1:])
