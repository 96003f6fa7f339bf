"""A seeded, deterministic synthetic corpus in the real five reports' proportions.

`make_corpus(root, reports, seed)` writes a complete, fresh project at `root`: the site's
hand-written files and configuration (copied as `tests/conftest.make_project` copies them),
then N invented reports with their originals (`sources/*.txt`), and the registries they need
(`data/actors.yml`, `events.yml`, `references.yml`, `talking_points.yml`, a header-only
`published.txt`). `dossier --root ROOT build` and `mkdocs build --strict` then build it as
they build the real corpus. It is made for the benchmark (`make bench`): how the site grows
with the corpus.

Every report is an obvious fixture: its outlet is a "Synthetic …" name, its address and its
outside sources are on example.org (a reserved host), its first note says it is invented, and
every person and news agency it names is invented (countries and institutions are real names,
so that the glossary, the mentions and the aliases work as on the real corpus). The prose is
built from templates and vocabulary banks (people, countries, ministries, venues, weapons,
places, verbs), so no two paragraphs are copies. The dates follow the product's rules: a date
is never more precise than the text or the (synthetic) outside record cited for it, and its
note says where it comes from.

Proportions, measured on the real five reports by `measure()` and reproduced here (the last
column: N = 200, seed 2026; tests/test_synth.py holds every figure of `measure()` to a stated
tolerance at N = 200):

| measure                                         | real five             | synthetic, N = 200 |
|-------------------------------------------------|-----------------------|--------------------|
| paragraphs per report                           | 10.2 (8–12)           | 10.2 (8–13)        |
| words per paragraph                             | 39.5                  | 38.5               |
| statements per report                           | 15.0 (9–22)           | 12.9 (8–19)        |
| kinds direct / partial / paraphrase             | 29% / 15% / 56%       | 30% / 15% / 55%    |
| statement dates day / month / year              | 79% / 8% / 13%        | 78% / 7% / 15%     |
| statement dates inferred / external             | 39% / 61%             | 36% / 61% (3% stated) |
| statements with an event                        | 87%                   | 86%                |
| statements with a note / with references        | 49% / 32%             | 54% / 26%          |
| statements with issued wording (of them, differ)| 47% (40%)             | 44% (43%)          |
| responds_to per statement                       | 0.40                  | 0.39               |
| speakers org / group / person / country         | 32 / 31 / 20 / 17%    | 34 / 28 / 22 / 16% |
| venue "not stated"                              | 33%                   | 38%                |
| topics per statement (of 11)                    | 1.9                   | 1.8                |
| events referred to per report                   | 4.4                   | 4.1                |
| event kinds: statement (all 11 kinds appear)    | 38%                   | 35%                |
| event dates day-ext / day-inf / month-ext / day-stated | 62 / 14 / 14 / 10% | 66 / 11 / 15 / 8% |
| published to the day / month / year             | 20 / 40 / 40%         | 14 / 40 / 46%      |
| actors per report                               | 15.0                  | 13.7               |
| new actors per report (later reports)           | 3.0                   | 2.4                |
| notes per report (on a paragraph)               | 5.0 (60%)             | 4.5 (66%)          |
| removed lines per report (reports with any)     | 3.6 (40%)             | 3.7 (41%)          |
| not_statements per report                       | 0.2                   | 0.17               |
| outside references per report                   | 11                    | 8.7                |
| talking-point members per statement             | 0.23                  | 0.24               |

Dates: reports are spread from 2019 to mid-2026, so that pages split by year and month get
exercised at N = 1,000–2,000 (the synthetic world ignores history: a 2019 report may speak of
the war in Ukraine). Every event kind appears within the first reports, even at small N.

Wording: a statement's words share no run of eight words with another occasion's (the runs
`dossier check` proposes as talking points) unless they are a formula in circulation, which
data/talking_points.yml then lists. The templates' wordings run out as the corpus grows, so
past a few hundred reports some repeats remain; `dossier check` lists them as candidates
(notes, not problems), and generation stops trying hard once most tries fail, to stay linear.

Speed (2 cores, seed 2026): about 0.3 s at N = 100, 2.4 s at N = 1,000 and 7 s at N = 2,000,
a third of it the file system's (4,000 files written).

CLI: `.venv/bin/python scripts/synth.py --reports N [--seed S] DIR` (or `make synth N=… DIR=…`).
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "scripts") not in sys.path:
    sys.path.insert(0, str(REPO / "scripts"))

from dossier import markdown, urls, yamlio  # noqa: E402
from dossier.addresses import HEADER as PUBLISHED_HEADER  # noqa: E402
from dossier.escape import md_inline  # noqa: E402
from dossier.repeats import MIN_WORDS  # noqa: E402
from dossier.repeats import words as repeat_words  # noqa: E402
from dossier.text import slugify  # noqa: E402

FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2026, 6, 30)
HOST = "https://example.org/synthetic"
# Registries the generator writes; every other file of data/ is copied from the project.
WRITTEN_DATA = ("actors.yml", "events.yml", "references.yml", "talking_points.yml",
                "published.txt", "redirects.yml")  # fmt: skip

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MON_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec.")  # fmt: skip


@dataclass(frozen=True)
class SynthSummary:
    """What `make_corpus` wrote."""

    reports: int
    statements: int
    events: int
    actors: int
    paragraphs: int
    references: int
    talking_points: int
    seed: int

    def __str__(self) -> str:
        return (
            f"{self.reports} reports, {self.paragraphs} paragraphs, {self.statements} "
            f"statements, {self.events} events, {self.actors} actors, {self.references} "
            f"references, {self.talking_points} talking points (seed {self.seed})"
        )


# --- vocabulary banks -------------------------------------------------------------------------
# Countries: id, name, aliases, adjective, how a list names it ("the US"), name culture.
COUNTRIES: tuple[tuple[str, str, tuple[str, ...], str, str, str], ...] = (
    ("north-korea", "North Korea", ("North Korea", "DPRK", "N. Korea", "the North",
     "North Korean"), "North Korean", "North Korea", "dprk"),
    ("russia", "Russia", ("Russia", "Russian Federation", "Moscow", "Russian"), "Russian",
     "Russia", "russian"),
    ("united-states", "United States", ("United States", "U.S.", "US", "Washington",
     "American"), "US", "the US", "english"),
    ("south-korea", "South Korea", ("South Korea", "S. Korea", "South Korean"),
     "South Korean", "South Korea", "korean"),
    ("japan", "Japan", ("Japan", "Japanese"), "Japanese", "Japan", "japanese"),
    ("ukraine", "Ukraine", ("Ukraine", "Ukrainian"), "Ukrainian", "Ukraine", "ukrainian"),
    ("united-kingdom", "United Kingdom", ("United Kingdom", "Britain", "British"), "British",
     "Britain", "english"),
    ("france", "France", ("France", "French"), "French", "France", "european"),
    ("germany", "Germany", ("Germany", "German"), "German", "Germany", "european"),
    ("italy", "Italy", ("Italy", "Italian"), "Italian", "Italy", "european"),
    ("canada", "Canada", ("Canada", "Canadian"), "Canadian", "Canada", "english"),
    ("australia", "Australia", ("Australia", "Australian"), "Australian", "Australia",
     "english"),
    ("new-zealand", "New Zealand", ("New Zealand",), "New Zealand", "New Zealand", "english"),
    ("poland", "Poland", ("Poland", "Polish"), "Polish", "Poland", "european"),
    ("netherlands", "Netherlands", ("Netherlands", "Dutch"), "Dutch", "the Netherlands",
     "european"),
    ("sweden", "Sweden", ("Sweden", "Swedish"), "Swedish", "Sweden", "european"),
    ("finland", "Finland", ("Finland", "Finnish"), "Finnish", "Finland", "european"),
    ("norway", "Norway", ("Norway", "Norwegian"), "Norwegian", "Norway", "european"),
    ("denmark", "Denmark", ("Denmark", "Danish"), "Danish", "Denmark", "european"),
    ("spain", "Spain", ("Spain", "Spanish"), "Spanish", "Spain", "european"),
    ("lithuania", "Lithuania", ("Lithuania", "Lithuanian"), "Lithuanian", "Lithuania",
     "european"),
    ("estonia", "Estonia", ("Estonia", "Estonian"), "Estonian", "Estonia", "european"),
)  # fmt: skip
ALLIES = ("united-states", "south-korea", "japan", "united-kingdom", "france", "germany",
          "italy", "canada", "australia", "new-zealand", "poland", "netherlands", "sweden",
          "finland", "norway", "denmark", "spain", "lithuania", "estonia")  # fmt: skip
# A "Pyongyang" that is the government, not the city (as in the real registry).
PYONGYANG: dict[str, Any] = {
    "alias": "Pyongyang",
    "after": ["is", "has", "have", "said", "says", "denied", "denies", "deny", "both", "warned",
              "pledged", "claims", "rejected"],
}  # fmt: skip

# Institutions: id, name, aliases, country (or None), what it is, how the text calls it.
ORGS: tuple[tuple[str, str, tuple[str, ...], str | None, str, str], ...] = (
    ("us-state-department", "US State Department", ("State Department",
     "U.S. State Department", "Department of State"), "united-states",
     "The foreign ministry of the United States.", "State Department"),
    ("white-house", "White House", ("White House",), "united-states",
     "The office of the President of the United States.", "White House"),
    ("pentagon", "Pentagon", ("Pentagon",), "united-states",
     "The US Department of Defense.", "Pentagon"),
    ("us-national-security-council", "US National Security Council",
     ("National Security Council",), "united-states",
     "The US President's forum for national security policy.", "National Security Council"),
    ("us-treasury", "US Treasury Department", ("Treasury Department",), "united-states",
     "The finance ministry of the United States, which administers sanctions.",
     "Treasury Department"),
    ("south-korea-foreign-ministry", "South Korean Foreign Ministry",
     ("South Korean Foreign Ministry",), "south-korea", "The foreign ministry of South Korea.",
     "South Korean Foreign Ministry"),
    ("south-korea-jcs", "South Korean Joint Chiefs of Staff", ("Joint Chiefs of Staff",),
     "south-korea", "The top military command body of South Korea.", "Joint Chiefs of Staff"),
    ("south-korea-national-security-office", "National Security Office (South Korea)",
     ("National Security Office",), "south-korea",
     "The South Korean presidential office that coordinates security policy.",
     "National Security Office"),
    ("south-korea-nis", "National Intelligence Service (South Korea)",
     ("National Intelligence Service",), "south-korea", "South Korea's spy agency.",
     "National Intelligence Service"),
    ("japan-foreign-ministry", "Japanese Foreign Ministry", ("Japanese Foreign Ministry",),
     "japan", "The foreign ministry of Japan.", "Japanese Foreign Ministry"),
    ("japan-defense-ministry", "Japanese Defense Ministry", ("Japanese Defense Ministry",),
     "japan", "The defence ministry of Japan.", "Japanese Defense Ministry"),
    ("russia-foreign-ministry", "Russian Foreign Ministry", ("Russian Foreign Ministry",),
     "russia", "The foreign ministry of Russia.", "Russian Foreign Ministry"),
    ("kremlin", "Kremlin", ("Kremlin",), "russia", "The office of the Russian President.",
     "Kremlin"),
    ("north-korea-foreign-ministry", "North Korean Foreign Ministry",
     ("North Korean Foreign Ministry",), "north-korea", "The foreign ministry of North Korea.",
     "North Korean Foreign Ministry"),
    ("kcna", "Korean Central News Agency", ("Korean Central News Agency", "KCNA"),
     "north-korea", "North Korea's state news agency.", "Korean Central News Agency"),
    ("ukraine-foreign-ministry", "Ukrainian Foreign Ministry", ("Ukrainian Foreign Ministry",),
     "ukraine", "The foreign ministry of Ukraine.", "Ukrainian Foreign Ministry"),
    ("ukraine-military-intelligence", "Ukrainian military intelligence",
     ("Ukrainian military intelligence",), "ukraine",
     "The intelligence directorate of Ukraine's defence ministry.",
     "Ukrainian military intelligence"),
    ("uk-foreign-office", "UK Foreign Office", ("Foreign Office",), "united-kingdom",
     "The foreign ministry of the United Kingdom.", "Foreign Office"),
    ("united-nations", "United Nations", ("United Nations", "UN", "U.N."), None,
     "The intergovernmental organisation of 193 member states.", "United Nations"),
    ("un-security-council", "UN Security Council", ("UN Security Council",
     "U.N. Security Council", "Security Council"), None,
     "The United Nations body responsible for international peace and security.",
     "Security Council"),
    ("un-panel-of-experts", "UN Panel of Experts on North Korea", ("Panel of Experts",),
     None, "The expert panel that monitored UN sanctions on North Korea.", "Panel of Experts"),
    ("european-union", "European Union", ("European Union", "EU"), None,
     "The political and economic union of European countries.", "European Union"),
)  # fmt: skip
# Invented news agencies and research centres (the reports' "response to a question from …").
AGENCIES = ("Northbridge News Agency", "Harbor Press Agency", "Meridian News Service",
            "Eastline News", "Keystone Wire Service", "Lantern News Agency")  # fmt: skip
CENTRES = ("Institute for Peninsula Studies", "Center for Arms Control Research",
           "Northeast Asia Security Forum", "Halden Institute for Strategic Studies")  # fmt: skip
CENTRE_PLACES = ("Seoul", "Tokyo", "Geneva", "Berlin", "Warsaw", "Canberra", "Oslo", "Toronto",
                 "London", "Vilnius", "Stockholm", "Busan", "Osaka", "Helsinki", "Prague",
                 "Ottawa", "Wellington", "Copenhagen", "Madrid", "Tallinn")  # fmt: skip
FIRM_WORDS: dict[str, Value] = {
    "a": ("Sungri", "Pyongsu", "Rason", "Amur", "Primorye", "Taedong", "Chollima", "Baikal",
          "Kumsong", "Vostok", "Myohyang", "Neva", "Khasan", "Ryonha", "Zarya", "Tumen", "Sokol",
          "Haegum", "Ussuri", "Kalma", "Songbong", "Okhotsk", "Paektu", "Irtysh"),
    "b": ("Far East", "Northern", "Pacific", "United", "Eastern", "Golden", "Star", "Ocean"),
    "c": ("Trading", "Shipping", "Logistics", "Maritime", "Industrial", "General",
          "Technology", "Freight", "Engineering", "Machinery"),
    "d": ("Company", "Corporation", "LLC", "Ltd", "Group", "Holdings"),
}  # fmt: skip
OUTLETS = ("Synthetic Wire", "Synthetic Herald", "Synthetic Daily", "Synthetic Times",
           "Synthetic Observer")  # fmt: skip
ARCHIVES = ("Synthetic Archive", "Synthetic Records Office", "Synthetic Wire archive",
            "Synthetic Gazette", "Synthetic Press Digest")  # fmt: skip
MIRRORS = ("synthetic-mirror.example.org", "news-copy.example.org", "aggregator.example.org")

# Invented people: given and family names by culture (none is meant to be a real person).
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "korean": (
        ("Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Do-hyun", "Su-bin", "Jae-won", "Eun-ji",
         "Hyun-woo", "Yeon-hee", "Sang-min", "Mi-rae", "Tae-ho", "Ji-woo", "Young-soo",
         "Soo-ah", "Dong-hyun", "Hye-jin", "Sung-ho", "Na-yeon", "Kyung-soo", "Bo-ra",
         "Jin-woo", "Se-ah", "Chul-min", "Yu-na", "Myung-ho", "Ga-eun", "Joon-young",
         "Da-hye", "Seung-hoon", "Ye-jin", "Won-seok", "Hae-won", "In-ho", "So-yeon",
         "Gyu-ri", "Ho-seong", "Ah-young", "Jung-woo", "Sun-mi", "Ki-tae", "Min-seo",
         "Byung-ho", "Jae-hee"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
         "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Jeon", "Ko",
         "Moon", "Yang", "Bae", "Baek", "Heo", "Nam", "Ryu", "Noh", "Ha", "Kwak", "Sung",
         "Cha", "Min"),
    ),
    "dprk": (
        ("Yong Chol", "Son Hui", "Song Nam", "Kwang Il", "Myong Guk", "Chang Ho", "Thae Song",
         "Il Gwang", "Hyon Chol", "Chol Su", "Yong Ho", "Song Il", "Kyong Hui", "Jong Nam",
         "Ryong Hae", "Tong Il", "Su Gil", "Chun Sik", "Yong Nam", "Hak Chol", "Sol Ju",
         "Kum Sun", "Chang Nam", "Pyong Ho", "Ho Chol", "Myong Il", "Jin Hyok", "Kwang Ho"),
        ("Kim", "Ri", "Choe", "Pak", "Jo", "O", "Han", "Kang", "Ryu", "Jon", "Hyon", "Ro",
         "Sin", "Ju", "Yun", "Chae", "Kye", "Ho", "Pyon", "Thae", "Jang", "Ko", "Mun"),
    ),
    "russian": (
        ("Alexei", "Dmitri", "Irina", "Sergei", "Natalia", "Mikhail", "Olga", "Andrei",
         "Yelena", "Pavel", "Tatiana", "Nikolai", "Anna", "Vladislav", "Maria", "Konstantin",
         "Yuri", "Svetlana", "Boris", "Galina", "Roman", "Vera", "Oleg", "Lyudmila", "Igor",
         "Ksenia", "Artem", "Zoya", "Fyodor", "Denis", "Larisa", "Gennady"),
        ("Volkov", "Sokolov", "Morozov", "Lebedev", "Novikov", "Fedorov", "Belov",
         "Kuznetsov", "Gromov", "Yegorov", "Smirnov", "Orlov", "Zaitsev", "Pavlov",
         "Vinogradov", "Kiselyov", "Makarov", "Nikitin", "Zakharov", "Borisov", "Sorokin",
         "Frolov", "Tarasov", "Belyaev", "Komarov", "Denisov", "Gusev", "Titov", "Ryabov",
         "Baranov", "Sidorin", "Kotov"),
    ),
    "english": (
        ("Mara", "Daniel", "Rachel", "Thomas", "Priya", "Marcus", "Elena", "James", "Sofia",
         "Nathan", "Grace", "Owen", "Laura", "Victor", "Hannah", "Caleb", "Diane", "Simon",
         "Nadia", "Peter", "Claire", "Adrian", "Megan", "Julian", "Teresa", "Gavin", "Ruth",
         "Elliot", "Miriam", "Dominic", "Alice", "Wesley", "Irene", "Howard", "Leah", "Colin",
         "Vanessa", "Graham", "Joanna", "Reuben"),
        ("Whitfield", "Harmon", "Delgado", "Okafor", "Brennan", "Castillo", "Lindqvist",
         "Mercer", "Abernathy", "Ellery", "Prescott", "Thorne", "Halvorsen", "Ashworth",
         "Pemberton", "Quill", "Radcliffe", "Winslow", "Calloway", "Fairbanks", "Hollis",
         "Kendrick", "Langford", "Marlowe", "Northcott", "Oakley", "Pruitt", "Rowntree",
         "Sutcliffe", "Talbot", "Underwood", "Vickers", "Wexford", "Yardley", "Beaumont",
         "Carrow", "Dunmore", "Everly", "Gaskell", "Holloway"),
    ),
    "japanese": (
        ("Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Kaito", "Mei", "Riku", "Sakura",
         "Daiki", "Emi", "Kenta", "Naoko", "Shota", "Yuko", "Takeshi", "Ayaka", "Hiroshi",
         "Mika", "Kazuki", "Rina", "Tomoya", "Keiko", "Yusuke"),
        ("Tanaka", "Suzuki", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
         "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura", "Shimizu",
         "Hayashi", "Saito", "Mori", "Ikeda", "Hashimoto", "Ishikawa", "Ogawa", "Fujita",
         "Okada", "Goto", "Hasegawa", "Murakami", "Kondo", "Sakamoto", "Endo"),
    ),
    "ukrainian": (
        ("Oksana", "Taras", "Olena", "Bohdan", "Iryna", "Yaroslav", "Kateryna", "Ostap",
         "Mykola", "Halyna", "Andriy", "Solomiya", "Vasyl", "Lesya", "Petro", "Zoryana",
         "Dmytro", "Nataliya", "Serhiy", "Ulyana", "Roman", "Marta", "Yuriy", "Khrystyna"),
        ("Kovalenko", "Bondarenko", "Tkachenko", "Shevchuk", "Kravets", "Melnyk",
         "Hrytsenko", "Savchenko", "Lysenko", "Marchenko", "Rudenko", "Moroz", "Pavlenko",
         "Kuzmenko", "Oliynyk", "Polishchuk", "Vovk", "Danylyuk", "Yatsenko", "Zhuk",
         "Petrenko", "Boyko", "Hnatiuk", "Levchenko", "Ostapenko", "Semenko"),
    ),
    "european": (
        ("Claire", "Julien", "Amelie", "Mathieu", "Katrin", "Jonas", "Miriam", "Florian",
         "Giulia", "Marco", "Chiara", "Lorenzo", "Agnieszka", "Tomasz", "Ingrid", "Lars",
         "Sanne", "Pieter", "Elin", "Mikael", "Aino", "Juha", "Sigrid", "Anders", "Lucia",
         "Javier", "Ruta", "Mindaugas", "Kadri", "Tanel"),
        ("Marchand", "Lefebvre", "Girard", "Rousseau", "Brandt", "Kessler", "Vogel",
         "Hartmann", "Ferraro", "Colombo", "Rinaldi", "Esposito", "Kowalczyk", "Nowicki",
         "Lindgren", "Berglund", "Dekker", "Visser", "Virtanen", "Laine", "Haugen",
         "Solberg", "Nielsen", "Krogh", "Navarro", "Serrano", "Kazlauskas", "Tamm",
         "Saar", "Moreau", "Weiss", "Bruno", "Lange", "Jansen", "Holm", "Lind", "Mazur",
         "Ruiz", "Petit", "Schulz"),
    ),
}  # fmt: skip
FEMALE_RU = frozenset({"Irina", "Natalia", "Olga", "Yelena", "Tatiana", "Anna", "Maria",
                       "Svetlana", "Galina", "Vera", "Lyudmila", "Ksenia", "Zoya", "Larisa"})

# Offices people hold: country → (title as the text writes it, the office's institution).
ROLES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "united-states": (("Secretary of State", "us-state-department"),
                      ("National Security Advisor", "white-house"),
                      ("State Department spokesperson", "us-state-department"),
                      ("Pentagon press secretary", "pentagon"),
                      ("National Security Council spokesperson", "us-national-security-council"),
                      ("Ambassador to the United Nations", None),
                      ("Deputy Secretary of State", "us-state-department")),
    "south-korea": (("Foreign Minister", "south-korea-foreign-ministry"),
                    ("National Security Office chief", "south-korea-national-security-office"),
                    ("Foreign Ministry spokesperson", "south-korea-foreign-ministry"),
                    ("Defence Minister", None), ("Ambassador to the United Nations", None)),
    "japan": (("Foreign Minister", "japan-foreign-ministry"), ("Chief Cabinet Secretary", None),
              ("Defense Minister", "japan-defense-ministry")),
    "russia": (("Foreign Minister", "russia-foreign-ministry"),
               ("Kremlin spokesperson", "kremlin"),
               ("Foreign Ministry spokesperson", "russia-foreign-ministry"),
               ("Ambassador to the United Nations", None), ("Deputy Foreign Minister", None),
               ("President", "kremlin")),
    "north-korea": (("Foreign Minister", "north-korea-foreign-ministry"),
                    ("Vice Foreign Minister", "north-korea-foreign-ministry"),
                    ("Ambassador to the United Nations", None), ("leader", None)),
    "ukraine": (("Foreign Minister", "ukraine-foreign-ministry"), ("presidential adviser", None),
                ("military intelligence spokesperson", "ukraine-military-intelligence"),
                ("regional governor", None)),
    "united-kingdom": (("Foreign Secretary", "uk-foreign-office"),),
}  # fmt: skip
DEFAULT_ROLES: tuple[tuple[str, str | None], ...] = (("Foreign Minister", None),)

WEAPONS = ("ballistic missiles", "short-range ballistic missiles", "artillery shells",
           "rocket launchers", "anti-tank missiles", "attack drones", "munitions",
           "KN-23 missiles", "122mm rockets", "152mm shells", "military equipment",
           "ammunition", "mortar rounds", "Hwasong-11 missiles", "multiple rocket launchers",
           "self-propelled howitzers")  # fmt: skip
CITIES = ("Kharkiv", "Zaporizhzhia", "Odesa", "Dnipro", "Kyiv", "Mykolaiv", "Sumy",
          "Chernihiv", "Poltava", "Kherson", "Kramatorsk", "Kryvyi Rih", "Izium", "Pokrovsk",
          "Vinnytsia", "Lviv")  # fmt: skip
REGIONS = ("Europe", "the Korean Peninsula", "the Indo-Pacific region", "Northeast Asia",
           "the wider region", "the Euro-Atlantic area", "East Asia")  # fmt: skip
GOALS = ("peace and stability on the Korean Peninsula", "the global non-proliferation regime",
         "security in the Indo-Pacific", "the rules-based international order",
         "the sanctions regime on Pyongyang", "Europe’s security", "stability in East Asia",
         "the integrity of the UN sanctions system", "a just peace in Ukraine")  # fmt: skip
RESOLUTIONS = ("multiple UN Security Council resolutions", "several Security Council resolutions",
               "UN sanctions resolutions", "binding Security Council resolutions",
               "resolutions Moscow itself voted for", "the UN arms embargo on North Korea",
               "relevant Security Council resolutions")  # fmt: skip
WARS = ("Russia’s war in Ukraine", "the war in Ukraine", "Russia’s war of aggression",
        "the fighting in Ukraine", "Moscow’s invasion of Ukraine",
        "Russia’s full-scale invasion")  # fmt: skip
LAUNCH_SITES = ("off its east coast", "from the Pyongyang area", "from near Sunan",
                "from South Pyongan province", "from the Wonsan area", "from North Hwanghae",
                "from the Tongchang-ri area", "from its west coast")  # fmt: skip
SEAS = ("the East Sea", "the Yellow Sea", "waters off the peninsula’s east coast",
        "the sea between Korea and Japan")  # fmt: skip
EXERCISES = ("Iron Harbor", "Northern Shield", "Steel Tide", "Blue Horizon", "Eastern Anvil",
             "Silver Compass", "Ocean Sentinel", "Granite Dawn")  # fmt: skip
TREATIES = ("comprehensive strategic partnership", "treaty of friendship and cooperation",
            "mutual assistance pact", "strategic alliance")  # fmt: skip
TOPICS = ("arms-transfers", "war-in-ukraine", "military-cooperation", "un-security-council",
          "non-proliferation", "diplomacy", "sanctions", "alliances", "missile-launches",
          "deterrence", "international-law")  # fmt: skip
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve")  # fmt: skip

# --- templates --------------------------------------------------------------------------------
# `[a|b|c]` picks one alternative; `{slot}` takes a value from the report's context or the
# banks (a capitalised `{Slot}` capitalises it). Statement templates keep a varying slot every
# few words, so that runs of eight identical words (which `dossier check` proposes as talking
# points) come only from the talking points the generator means.
Template = tuple[tuple[str, ...], tuple[str, ...]]  # (topics, alternatives)

PARAPHRASE: dict[str, Template] = {
    "condemn": (("arms-transfers", "military-cooperation"), (
        "[strongly |firmly |]condemned the [supply|transfer|delivery|shipment] of {weapons} "
        "[by|from] {nk} to {ru}[, calling it a threat to {region}|, citing the attacks on {city}"
        "| and their use against Ukraine|]",
        "denounced {nk_poss} [growing|expanding|illicit|unlawful] arms [trade|exports|shipments]"
        " to {ru}, saying the [shipments|deliveries|supplies] [prolonged|fuelled|sustained|"
        "intensified] {war}",
        "condemned, in the strongest terms, the [export|transfer|sale] of {weapons} to {ru} and "
        "their use [against Ukrainian cities|against civilian targets|in attacks on {city}|on "
        "the front line near {city}]",
        "[criticised|condemned|denounced] what [officials|diplomats] [called|described as] "
        "[a barter of|an exchange of|a trade in] {weapons} for [Russian technology|oil and food|"
        "fighter jets|satellite know-how|hard currency]",
    )),
    "concern": (("military-cooperation",), (
        "[voiced|expressed|reiterated|restated] [deep|grave|serious|growing|renewed] concern "
        "over the [deepening|expanding|growing|intensifying] [military|security|defence] [ties|"
        "cooperation|partnership] between {pair}[ since {since}| after the talks in {capital}|]",
        "said the [deals|transfers|exchanges] had [major|serious|grave|lasting] [security|"
        "strategic] implications for {regions}",
        "warned that [closer|growing|warming] ties between {pair} could [embolden|strengthen|"
        "help] {nk} [in its weapons programmes|to expand its missile arsenal|to test new "
        "{weapons}]",
    )),
    "violation": (("un-security-council", "arms-transfers"), (
        "said the [transfers|shipments|deliveries|deals] [violated|breached|flouted|ran counter "
        "to] {resolutions}[ that {ru} itself had [backed|voted for|supported]| banning arms "
        "trade with {nk}|]",
        "noted that {ru} [would be|was] [violating|breaching|ignoring] {resolutions} [it had "
        "voted for|it once backed][ to ban such military exchanges| on {nk_poss} weapons "
        "programmes|]",
    )),
    "pledge": (("alliances",), (
        "pledged to [keep working closely|strengthen coordination|step up cooperation|deepen "
        "cooperation] [with partners|with allies|with {ally}] to [support Ukraine|counter the "
        "arms trade|enforce sanctions on {nk}|deter further provocations] [on the Korean "
        "Peninsula|in {region}|and beyond]",
        "agreed to [share intelligence|coordinate sanctions|hold further talks|expand joint "
        "drills] on [the arms transfers|{nk_poss} missile programme|the flow of {weapons}] "
        "[in the coming months|before the end of {year}|this year]",
    )),
    "sanctions": (("sanctions",), (
        "said new sanctions would [target|hit|cover] [{num} individuals|{num} entities|{num} "
        "vessels|{num} companies] [involved in|linked to] the [arms trade|transfers|shipments of"
        " {weapons}] with {ru}",
        "announced [sanctions|asset freezes|travel bans] on [{num} firms|{num} officials|"
        "{num} shipping companies] [accused of|suspected of] [moving|brokering|financing] "
        "{weapons} [between {pair}|for {ru}]",
    )),
    "demand": (("diplomacy", "un-security-council"), (
        "called on {nk} to [return to dialogue|halt its weapons programmes|stop supplying arms "
        "to {ru}|abide by {resolutions}|cease all arms exports][ immediately| without delay|]",
        "urged {pair} to [abide by|comply with|respect] {resolutions} and [halt|stop|end] "
        "[every|all] [transfer|shipment|exchange] [that violates them|banned under them]",
    )),
    "assess": (("arms-transfers",), (
        "said {nk} had [shipped|sent|delivered|supplied] [{big} containers of munitions|{big} "
        "artillery shells|{num} batches of {weapons}] to {ru} [since {since}|over the past "
        "{months}|in recent weeks]",
        "said {ru} had [launched|fired|used] [at least one|{num}|several] [missiles|ballistic "
        "missiles|KN-23 missiles] [supplied|provided] by {nk} [at|against] {city}",
    )),
    "support": (("war-in-ukraine",), (
        "[reaffirmed|restated|stressed] [their|its] [support|commitment|backing] for [Ukraine’s"
        " sovereignty|Ukraine’s defence|the Ukrainian people|Kyiv] [in the face of|against] "
        "{war}",
        "said [support|aid|assistance] for Ukraine would [continue|not waver|grow] [as long as "
        "it takes|through {year}|despite the pressure from {ru}]",
    )),
    "deny": (("arms-transfers",), (
        "[denied|rejected|dismissed] the [accusations|allegations|claims|reports] of [arms "
        "transfers|weapons deals|military supplies|arms shipments][ as groundless| as baseless|"
        " as slander|]",
    )),
    "justify": (("military-cooperation", "diplomacy"), (
        "said [its|the] [cooperation|partnership|ties] with {other} [threatened no third "
        "country|complied with international law|was aimed at no one|served peace in {region}]",
        "described the [partnership|treaty|relationship] as a [response|answer|counter] to "
        "[Western|American|US] [hegemony|pressure|sanctions|provocations]",
    )),
    "pledge_ru": (("military-cooperation",), (
        "pledged to [deepen|expand|strengthen] [ties|cooperation|relations] [in all fields|in "
        "politics, the economy and defence|including military cooperation] with {other}",
        "[agreed|vowed|promised|resolved] to [coordinate closely|stand together|support each "
        "other|act as one] [against sanctions|at the United Nations|in the face of Western "
        "pressure|on {region}] [in {year}|from now on|for years to come|as allies]",
    )),
    "warn": (("deterrence",), (
        "warned that [US strategic assets|joint drills|the deployment of bombers|Western "
        "pressure] would [face a firm response|be met with countermeasures|meet a resolute "
        "answer]",
    )),
    "ua_attack": (("war-in-ukraine", "arms-transfers"), (
        "said {ru} had [hit|struck|attacked] {city} [with missiles obtained from {nk}|using "
        "North Korean missiles|with {weapons} from {nk}]",
    )),
}  # fmt: skip

# Whole clauses, with their subject (after "said that", "The statement added that").
CLAUSES: dict[str, Template] = {
    "violation": (("un-security-council", "arms-transfers"), (
        "{nk_poss} transfer of {weapons} to {ru} [was|is] a [blatant|flagrant|clear] violation "
        "of {resolutions}",
        "[any|every] [arms deal|weapons deal|supply of {weapons}] between {pair} [breaches|"
        "violates|defies] {resolutions}",
    )),
    "concern": (("military-cooperation",), (
        "[multiple|many|several] governments [stand together|are united|speak with one voice] "
        "and [resolutely|firmly] oppose arms transfers between {pair}",
        "the [transfers|deals|shipments] [have|had] [exacerbated|deepened|worsened] the "
        "suffering of [Ukrainians|Ukrainian civilians|the people of {city}]",
    )),
    "support": (("war-in-ukraine", "diplomacy"), (
        "[countries|the signatories|governments] will [continue to|] [support|stand by] Ukraine"
        " while [calling on|urging] {nk} to [return to diplomatic negotiations|resume talks|"
        "choose dialogue]",
    )),
}  # fmt: skip

# Participial tails after a direct quotation ("…,” the statement said, calling for …).
TAILS: dict[str, Template] = {
    "demand": (("diplomacy", "non-proliferation"), (
        "calling for greater attention to [potential|possible] transfers of [weapons "
        "technologies|missile know-how|space technology] {nk} [would obtain|might receive] in "
        "return",
        "urging {pair} to [halt|end|stop] the [transfers|shipments] [at once|immediately|without"
        " delay]",
    )),
    "violation": (("un-security-council",), (
        "noting {ru} would be violating {resolutions} it had [voted for|backed]",
    )),
    "sanctions": (("sanctions",), (
        "adding that [sanctions|pressure|restrictions|scrutiny] [on|against] {nk} [and {ru}|] "
        "would [continue|be tightened|stay in place|only grow] [until|as long as|while] the "
        "[transfers|shipments|deliveries|trade] [stopped|went on|continued]",
        "[warning|adding|stressing] that [the allies|partners|the signatories] [would|will] "
        "[track|trace|follow] [every|each] [shipment|cargo|payment] [between {pair}|to {ru}]",
    )),
}  # fmt: skip

# Full quoted sentences (the text of a direct statement: capitalised, no final stop).
DIRECT: dict[str, Template] = {
    "condemn": (("arms-transfers", "war-in-ukraine"), (
        "We [condemn|denounce|deplore] in the [strongest|clearest|firmest] [possible |]terms "
        "{nk_poss} [export|transfer|supply|sale] of {weapons} and {ru_poss} [purchase|use|"
        "deployment] of [them|these weapons|those arms] [against Ukraine|in its war against "
        "Ukraine|to strike {city}|on the front near {city}]",
        "The [transfer|supply|delivery|shipment] of {weapons} from {nk} to {ru} [must stop|has "
        "to end|cannot go unanswered|is unacceptable], and [we|our governments|the allies] will "
        "[hold both to account|respond together|not look away|act with {ally}]",
        "[Every|Each|Any] [shell|missile|rocket|round] [that|which] {nk} [sends|ships|supplies] "
        "[to|for] {ru} [ends up|lands|is fired] [in|on|near] {city}[, killing civilians|, "
        "hitting homes|, and we will not forget it|]",
        "[By|In] [buying|acquiring|seeking] {weapons} from {nk}, {ru} [shows|proves|admits|"
        "reveals] [how isolated|how desperate|how weak] [it has become|its war effort is|it now "
        "is][ after {months} of war| in {year}|]",
    )),
    "concern": (("military-cooperation", "non-proliferation"), (
        "We [are|remain] [deeply|gravely|seriously|increasingly] [concerned|worried|alarmed] "
        "[about|by|over] the [security implications|consequences|implications|risks] of [this|"
        "the] [cooperation|relationship|arms trade|partnership] for {regions}",
        "[Deepening|Growing|Expanding|Closer] [cooperation|military ties|arms trade|defence "
        "links] between {pair} [should worry|must concern|should alarm|ought to trouble] "
        "[anyone|every country|all of us|every government] [interested in|committed to|who "
        "cares about|that values] {goal}",
        "[What|Whatever] {ru} [gives|offers|pays] {nk} [in return|in exchange|for these arms] "
        "[could|may|might] [help|advance|speed up] [its|the North’s|Pyongyang’s] [missile|"
        "nuclear|satellite|submarine] [programme|ambitions|work][, and that worries us| and "
        "threaten {region}|]",
    )),
    "demand": (("un-security-council", "arms-transfers"), (
        "We [call on|urge|ask|press] {pair} to [abide by|respect|comply with|honour] "
        "{resolutions} and [immediately |at once |]cease [all activities|all actions|every "
        "transfer|any dealings] that [violate|breach|defy] them",
        "{Nk} must [return to talks|halt its missile programme|stop its arms exports|end these "
        "shipments] and {ru} must [stop buying|stop using|stop seeking|give up] [its|these|"
        "North Korean] {weapons}[ now| without delay| before {month_name}|]",
    )),
    "monitor": (("alliances",), (
        "We [will continue to|will|intend to|are going to] [monitor the situation closely|watch "
        "this closely|work with our partners|respond firmly to any provocation|coordinate our "
        "response][ with {ally}| together with {ally}| in the coming {weeks}|]",
        "We have [seen|read|noted] the [reports|accounts|images] [and will|and we will|and "
        "intend to] [continue to monitor|keep monitoring|follow|keep an eye on] [the situation|"
        "developments|events in {city}][ closely| carefully|]. We have [nothing further|nothing "
        "more|no more] to [offer|add|say|share] [right now|at this time|today|on {weekday}]",
    )),
    "law": (("international-law", "war-in-ukraine"), (
        "We cannot [turn a blind eye to|ignore|overlook|accept] the [clear|flagrant|repeated|"
        "blatant] [violations|breaches|abuses] of [international law|the UN Charter|Security "
        "Council resolutions|humanitarian law] [Russia has committed|by {ru}|that {ru} commits] "
        "in [Ukraine|{city}|the occupied regions]",
        "[No|Not one] [country|state|government|member of the UN] should [give|offer|provide|"
        "hand] {ru} a [platform|means|lifeline|tool] to [promote|prolong|sustain|widen] its war "
        "of aggression [against Ukraine|in {city}|in Europe|this {season}]",
    )),
    "support": (("war-in-ukraine",), (
        "We [remain resolved|are determined|stay committed|are resolved] to [support|stand "
        "with|defend|back] Ukraine’s [sovereignty|independence|territorial integrity|freedom] "
        "[and its efforts to counter|against|in the face of] [the effects of |]{war}",
        "[Ukraine|Kyiv|The Ukrainian people] [will|can] [count on|rely on|depend on] [us|our "
        "support|our help] [for as long as it takes|through {year}|this {season}|whatever "
        "{ru} [buys|brings|ships] from {nk}]",
    )),
    "ru_nk": (("military-cooperation", "diplomacy"), (
        "[Our|The] [cooperation|friendship|partnership|relationship] with {other} [is directed "
        "against no third country|threatens no one|fully complies with international law|is "
        "our sovereign right][ and always will be|, whatever {ally} says|]",
        "The [accusations|allegations|claims|stories] [are|remain] [groundless|baseless|absurd|"
        "false] and [we reject them|do not merit comment|serve only to justify Western "
        "pressure|insult {other}]",
        "[Any|Every] [provocation|hostile act|military drill|threat] by [the United States|"
        "Washington|the US] and its [allies|vassals|partners] will [meet|face|receive] a "
        "[resolute|firm|decisive|swift] [response|answer|reply][ from both our countries| in "
        "{year}|]",
    )),
    "ua": (("war-in-ukraine", "arms-transfers"), (
        "For the first time, {ru} [hit|struck|attacked] [Ukrainian territory|{city}|our cities] "
        "[using|with] [missiles|ballistic missiles|weapons] [obtained|received|bought] from {nk}",
        "The [debris|fragments|wreckage|remains] we [recovered|examined|found] in {city} [show|"
        "prove|confirm] that {ru} is [firing|using|launching] North Korean {weapons}",
    )),
}  # fmt: skip
LEAD_INS = ("As we have said before", "Let me be clear", "Once again", "As we have made clear",
            "As we said last {season}", "Make no mistake", "Put simply", "To be clear",
            "As {ally} has said", "We repeat it today")  # fmt: skip

# Quoted fragments (partial statements) and the sentence around them: (topics, side,
# fragment alternatives, frames). A frame holds `{Label}`/`{label}` and `“{frag}”`.
PARTIAL: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "np": (("arms-transfers", "war-in-ukraine"), (
        "[heavy |rising |terrible |mounting |]human toll", "[grim |rising |]cost in lives",
        "civilian toll[ in the east| in the south|]", "suffering of [civilians|ordinary "
        "Ukrainians|families|the wounded]", "[rising |daily |]death toll"), (
        "{Label} said such [supplies|transfers|deals] would raise the “{frag}” in {war}.",
        "{Label} warned that the [shipments|deliveries] [would|could] only add to the “{frag}” "
        "[in {city}|of {war}].",
    )),
    "called": (("arms-transfers", "un-security-council"), (
        "[blatant|flagrant|brazen|clear|open] violation", "[dangerous|alarming|reckless] "
        "escalation", "[grave|serious|direct] threat[ to peace| to us all|]", "new low[ for "
        "Moscow| for Pyongyang|]", "[reckless|desperate|cynical] gamble", "[cynical|shameless|"
        "dangerous] bargain"), (
        "{Label} called the [transfers|deals|shipments] a “{frag}” of {resolutions}.",
        "{Label} described the [exchange|trade|deal] as a “{frag}” and [promised|vowed] a "
        "[joint|united|coordinated] response.",
    )),
    "adj": (("missile-launches", "deterrence"), (
        "[utterly |deeply |highly |]reckless", "[deeply |]troubling", "[utterly |wholly |]"
        "unacceptable", "[deeply |]destabilising", "[utterly |grossly |]irresponsible",
        "[needlessly |deliberately |]provocative", "[highly |]dangerous", "alarming"), (
        "{Label} called the [launch|move|test] “{frag}” and [urged|called on] {nk} to [show "
        "restraint|return to talks|stop].",
        "The [launch|firing|test], {label} said, was “{frag}” [at a time of|amid] [rising "
        "tension|heightened tension|fragile calm] in {region}.",
    )),
    "veto": (("un-security-council", "sanctions"), (
        "[utterly |deeply |]reckless", "[deeply |]shameful", "[utterly |]irresponsible",
        "[deeply |breathtakingly |]cynical", "a gift to [Pyongyang|the North|the DPRK]",
        "a [blow|setback] to [the sanctions regime|nonproliferation|the Council]"), (
        "{Label} called the veto “{frag}” and [urged|called on] {ru} to [reconsider|explain "
        "itself|let the panel work].",
        "The veto, {label} said, was “{frag}” [at a time of|amid] [mounting evidence|growing "
        "concern] about arms [transfers|shipments] to {ru}.",
    )),
    "ru_nk": (("military-cooperation", "deterrence"), (
        "[American|US|Western] [hegemony|domination|pressure|blackmail]", "[hostile|"
        "imperialist] [forces|pressure|schemes]", "nuclear [blackmail|threats|intimidation]"), (
        "{Label} said the two countries should work on containing “{frag}” at the meeting.",
        "{Label} [called for|urged] a [joint|common] [front|effort|stand] against “{frag}” "
        "[in {region}|at the United Nations|].",
    )),
    "ua": (("war-in-ukraine", "arms-transfers"), (
        "was not made in Russia", "came from North Korea", "bore North Korean markings",
        "was of North Korean origin", "[carried|had] North Korean [lettering|markings|serial "
        "numbers]", "[matched|resembled] a North Korean [KN-23|Hwasong-11|design]"), (
        "{Label} said the missile [launched by Russia|that hit the region|fired at {city}] "
        "“{frag}.”",
    )),
}  # fmt: skip

# Background sentences that lengthen a paragraph (no speaker, no quotation).
FILL = 0.8
FILLERS = (
    "{Nk} has [tested|launched|fired] [dozens of|a record number of|{num}] missiles [this year|"
    "since January|over the past {months}], [defying|in defiance of|despite] {resolutions}.",
    "[Seoul and Washington|South Korea, the US and Japan|The allies] have [stepped up|expanded|"
    "resumed] [joint drills|large-scale exercises|trilateral training] [in response|since then|"
    "in recent months|around the peninsula].",
    "The UN Security Council has [banned|prohibited] [all arms trade with|weapons exports from|"
    "the sale of weapons to] {nk} [since 2006|under resolutions adopted since 2006|for nearly two "
    "decades].",
    "{Ru} has [denied|rejected|disputed] [buying|importing|using] North Korean [weapons|munitions|"
    "missiles] [throughout|since the start of|at every stage of] the war.",
    "[Kyiv|Ukraine] has [repeatedly|often|again] [asked|urged|pressed] its partners for [more air "
    "defence systems|additional air defences|more interceptors|longer-range weapons].",
    "[Relations|Ties|Contacts] between {pair} have [warmed|deepened|grown closer|intensified] "
    "[since {since}|in recent years|since the invasion of Ukraine|over the past {months}].",
    "The [Panel of Experts|UN expert panel] had [documented|traced|reported] [similar|earlier|"
    "comparable] [shipments|transfers|deliveries] [before its mandate ended|in past reports|by "
    "rail and sea].",
    "[Satellite images|Commercial satellite images|Images from {city}] have shown [rail cars|"
    "freight trains|cargo ships|container stacks] [moving|crossing|loading] [near|at|along] the "
    "[Tumen River border|port of Rajin|Khasan rail crossing] [in recent months|this year|{since}].",
    "{Nk_poss} [economy|trade|budget] [depends|has come to depend|relies] [heavily|increasingly|"
    "more and more] on [Russian oil|Russian food aid|hard currency from {ru}|fees for the "
    "shipments].",
    "[Japan|South Korea|Britain|The European Union] has [frozen the assets|imposed travel bans|"
    "blacklisted {num} ships|sanctioned {num} firms] [linked to|tied to|involved in] the "
    "[shipments|transfers|arms trade].",
    "The [border|rail link|sea route] between {pair} [has become|is now|serves as] [a lifeline|"
    "a busy supply route|the main route] for [munitions|the shipments|the cargo] [bound for|"
    "heading to|destined for] the front in Ukraine.",
)  # fmt: skip

# Lines a speaker repeats over time (talking points): a speaker keeps one for a while.
SIGNATURES = (
    "[closer|deeper|expanding|growing] [military|defence|security] [ties|links|cooperation] "
    "between {pair} [should|must|ought to] [concern|worry|alarm|trouble] every [country|"
    "government|nation|democracy] that [values|cares about|relies on|believes in] {goal}",
    "no [country|state|government|nation] should [help|allow|enable|assist] {ru} [to prolong|"
    "to fuel|to finance|to widen] its war [of aggression|against Ukraine|in Europe] [with|"
    "through|by buying] North Korean {weapons}",
    "[every|each|any|a single] [shipment|delivery|transfer|consignment] of {weapons} [to|"
    "bound for|destined for] {ru} [is|remains|constitutes|amounts to] a [flagrant|blatant|"
    "direct|deliberate] [violation|breach|defiance] of {resolutions}",
    "[the world|the international community|responsible nations|free nations] [cannot|must "
    "not|will not|should not] [stand by|stay silent|look away|keep quiet] while {ru} [buys|"
    "acquires|uses|fires] [arms|weapons|missiles|shells] from {nk} [in defiance of|in breach "
    "of|against] {resolutions}",
    "[those who|anyone who|any regime that|whoever] [arms|supplies|equips|feeds] {ru_poss} "
    "[war machine|invasion|army|war effort] [shares|bears|carries] [responsibility|the blame|"
    "the guilt] for [every|each] [strike|attack|death] [on|in] {city}",
    "{pair} [are|have been] [trading|swapping|exchanging] [weapons|munitions|shells] for "
    "[technology|know-how|cash|oil] [at the expense of|to the detriment of|in disregard of] "
    "{goal}",
    "[sanctions|pressure|isolation] on {nk} [will|must|should] [stay|remain|tighten|grow] "
    "[for as long as|as long as|while|until] [its|the] [arms|weapons|munitions] [keep|stop|"
    "go on] [flowing|moving|crossing] [to|into|toward] {ru}",
    "[the|this] [arms trade|weapons trade|munitions pipeline|arms pipeline] between {pair} "
    "[threatens|endangers|undermines|imperils] [both|at once] {regions}",
)  # fmt: skip
SIGNATURES_RU_NK = (
    "[our|the] [friendship|partnership|cooperation|alliance] between {pair} [threatens no "
    "one|harms no third country|is nobody else’s business|targets no one] and [serves|"
    "strengthens|protects|secures] {region_peace}",
    "[the|these] [accusations|claims|allegations|stories] [are|remain] [lies|slander|"
    "fabrications|inventions] [spread|invented|repeated|pushed] by [Washington|the West|hostile"
    " forces|the US and its allies] to [justify|excuse|cover|hide] [its|their] [own arms sales|"
    "pressure|sanctions|provocations]",
    "[no|not one] [sanction|threat|provocation|drill] [will|can|shall] [stop|halt|break|"
    "weaken] the [friendship|ties|bond|cooperation] between {pair}[ now or ever| in {year}|]",
    "[the|any] [hostile|aggressive|reckless] [policy|drills|deployments|moves] of [Washington|"
    "the US|the West] [will|shall|must] [meet|face|receive] a [joint|united|common|shared] "
    "[answer|response|rebuff] from {pair}",
)  # fmt: skip

Value = str | Sequence[str] | Callable[[random.Random], str]
_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")


def _big(rng: random.Random) -> str:
    return f"more than {rng.randint(1, 9)},{rng.choice(('000', '200', '500', '800'))}"


BANK: dict[str, Value] = {
    "weapons": WEAPONS, "city": CITIES, "region": REGIONS, "goal": GOALS,
    "resolutions": RESOLUTIONS, "war": WARS, "num": NUMBER_WORDS, "big": _big,
    "months": lambda rng: f"{rng.choice(NUMBER_WORDS)} months",
    "regions": lambda rng: " and ".join(rng.sample(REGIONS, 2)),
    "month_name": MONTHS, "weekday": WEEKDAYS[:5],
    "season": ("spring", "summer", "autumn", "winter"),
    "weeks": ("days", "weeks", "months"),
    "region_peace": ("peace in Northeast Asia", "regional stability", "peace on the peninsula",
                     "the security of both peoples", "a multipolar world"),
}  # fmt: skip


def fill(rng: random.Random, template: str, ctx: dict[str, Value]) -> str:
    """Expand `[a|b]` alternatives, then `{slot}` values (from `ctx`, else the banks)."""
    text = template
    while "[" in text:  # innermost alternatives first
        text = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    return _SLOT.sub(lambda m: _slot(rng, m.group(1), ctx), text)


def _slot(rng: random.Random, name: str, ctx: dict[str, Value]) -> str:
    key = name.lower()
    value = ctx[key] if key in ctx else BANK[key]
    if callable(value):
        value = value(rng)
    elif not isinstance(value, str):
        value = rng.choice(value)
    return cap(value) if name[:1].isupper() else value


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- dates ------------------------------------------------------------------------------------


def display(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_display(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def month_day(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def full_us(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def date_entry(value: str, basis: str, note: str, refs: Sequence[str] = ()) -> dict[str, Any]:
    entry: dict[str, Any] = {"value": value, "basis": basis, "note": note}
    if refs:
        entry["references"] = list(refs)
    return entry


def value_of(day: dt.date, precision: str) -> str:
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[
        precision
    ]


# --- the world: actors, events, references, statements said so far -------------------------


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str
    affiliation: str | None = None
    behalf: tuple[str, ...] = ()  # on_behalf_of, the same wherever the actor speaks
    country: str | None = None
    sort_name: str | None = None
    members: tuple[str, ...] = ()
    member_count: int | None = None
    members_reference: str | None = None
    ambiguous: bool = False
    adjective: str = ""  # countries: "South Korean"
    short: str = ""  # countries: "the US"; people: the family name; institutions: their name
    title: str = ""  # people: "Foreign Minister"

    def entry(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.sort_name:
            out["sort_name"] = self.sort_name
        out.update(kind=self.kind, aliases=list(self.aliases))
        if self.ambiguous:
            out["ambiguous"] = [PYONGYANG]
        out.update(description=self.description, affiliation=self.affiliation)
        if self.members:
            out["members"] = list(self.members)
        if self.member_count:
            out["member_count"] = self.member_count
        if self.members_reference:
            out["members_reference"] = self.members_reference
        return out


@dataclass
class Line:
    """A formulation that speakers of one side repeat on different occasions: a talking
    point."""

    id: str
    side: str  # "allies" or "ru_nk"
    phrase: str  # the words as the statements hold them (at least MIN_WORDS + 1 words)
    uses: int  # how many more times it will be used
    statements: list[str] = field(default_factory=list)
    said: list[tuple[str, str]] = field(default_factory=list)  # (statement, date value)

    @property
    def text(self) -> str:
        # Without its first word, whose case depends on where the line stands.
        return self.phrase.split(" ", 1)[1]


@dataclass(frozen=True)
class Said:
    """A statement of an earlier report, for threads (responds_to)."""

    id: str
    speaker: str
    value: str  # its date value
    act: str
    report: int


def unique_id(base: str, taken: set[str], limit: int = 80) -> str:
    """`base` cut to a slug of at most `limit` characters, with -2, -3 … until it is free."""
    base = base[:limit].strip("-")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: limit - len(suffix)].strip("-") + suffix
    taken.add(candidate)
    return candidate


class World:
    """Everything the reports share: registries, who holds which office, and the statements
    said so far (for threads and talking points)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.actors: dict[str, Actor] = {}
        self.taken: set[str] = set()  # every actor name and alias (they must be unique)
        self.actor_ids: set[str] = set()
        self.holders: dict[tuple[str, str], str] = {}
        self.events: list[dict[str, Any]] = []
        self.event_ids: set[str] = set()
        self.past_events: list[tuple[dt.date, str, str]] = []  # (true day, id, how to mention)
        self.references: list[dict[str, Any]] = []
        self.reference_ids: set[str] = set()
        self.statement_ids: set[str] = set()
        self.report_ids: set[str] = set()
        self.said: list[Said] = []
        self.lines: dict[str, list[Line]] = {}  # side → the formulas in circulation
        self.all_lines: list[Line] = []
        self.line_ids: set[str] = set()
        self.grams: dict[tuple[str, ...], object] = {}
        self.kinds: dict[str, int] = {}  # events made, by kind
        self.centres: list[str] = []
        self.firms: list[str] = []
        self._recent: deque[bool] = deque(maxlen=300)  # the last attempts' outcomes
        self._failed = 0
        self.repeats = 0  # statement texts that could not avoid an unintended repeat
        self._base()

    def _base(self) -> None:
        for cid, name, aliases, adjective, short, _culture in COUNTRIES:
            self.add(Actor(cid, name, "country", aliases, f"{name}, a country.", None, (),
                           cid, ambiguous=cid == "north-korea", adjective=adjective,
                           short=short))  # fmt: skip
        for oid, name, aliases, country, what, short in ORGS:
            behalf = (country,) if country else ()
            self.add(Actor(oid, name, "organization", aliases, what, country, behalf, country,
                           short=short))  # fmt: skip
        for name in AGENCIES + CENTRES:
            what = "news agency" if name in AGENCIES else "research centre"
            self.add(Actor(slugify(name), name, "organization", (name,),
                           f"An invented {what} of the synthetic corpus.", short=name))

    def add(self, actor: Actor) -> Actor:
        self.actors[actor.id] = actor
        self.actor_ids.add(actor.id)
        self.taken.update((actor.name, *actor.aliases))
        if actor.ambiguous:
            self.taken.add(PYONGYANG["alias"])
        return actor

    def country(self, cid: str) -> Actor:
        return self.actors[cid]

    # people -------------------------------------------------------------------------------

    def person(self, country: str, role: tuple[str, str | None], keep: float = 0.4) -> Actor:
        """The holder of an office: the same person for a while, then a successor."""
        current = self.holders.get((country, role[0]))
        if current and self.rng.random() < keep:
            return self.actors[current]
        made = self._new_person(country, role)
        if made is None:  # the name bank is used up: the holder stays
            if current is None:
                raise RuntimeError(f"no name left for a {role[0]} of {country}")
            return self.actors[current]
        self.holders[(country, role[0])] = made.id
        return made

    def role(self, country: str, *wanted: str) -> tuple[str, str | None]:
        roles = ROLES.get(country, DEFAULT_ROLES)
        for title, org in roles:
            if title in wanted:
                return title, org
        return self.rng.choice(roles)

    def _new_person(self, country: str, role: tuple[str, str | None]) -> Actor | None:
        culture = next(c[5] for c in COUNTRIES if c[0] == country)
        given, family = NAMES[culture]
        for _ in range(60):
            first, last = self.rng.choice(given), self.rng.choice(family)
            if culture == "russian" and first in FEMALE_RU and last.endswith(("ov", "ev", "in")):
                last += "a"
            family_first = culture in ("korean", "dprk")
            name = f"{last} {first}" if family_first else f"{first} {last}"
            if name not in self.taken and slugify(name) not in self.actor_ids:
                break
        else:
            return None
        title, org = role
        adjective = self.country(country).adjective
        return self.add(Actor(
            slugify(name), name, "person", (name,),
            f"An invented person of the synthetic corpus: {adjective} {title}.",
            org or country, (country,), country, sort_name=name if family_first else None,
            short=last, title=title,
        ))  # fmt: skip

    def centre(self) -> Actor:
        """A research centre: often one the corpus has not named before."""
        if self.centres and self.rng.random() < 0.4:
            return self.actors[self.rng.choice(self.centres)]
        for _ in range(30):
            name = fill(self.rng, "[the |]{place} [Institute|Center|Forum|Council] for "
                        "[Security|Strategic|Peninsula|Arms Control|Eurasian|Pacific|Defence|"
                        "Sanctions|Nonproliferation] [Studies|Affairs|Research|Policy]",
                        {"place": CENTRE_PLACES}).removeprefix("the ")  # fmt: skip
            if name not in self.taken:
                break
        else:
            return self.actors[self.rng.choice(self.centres)]
        made = self.add(Actor(slugify(name), name, "organization", (name,),
                              "An invented research centre of the synthetic corpus.",
                              short=name))  # fmt: skip
        self.centres.append(made.id)
        return made

    def administration(self, city: str) -> Actor:
        """A Ukrainian city's regional military administration."""
        name = f"{city} regional military administration"
        oid = slugify(name)
        if oid in self.actors:
            return self.actors[oid]
        return self.add(Actor(oid, name, "organization", (name,),
                              f"The military administration of Ukraine’s {city} region.",
                              "ukraine", ("ukraine",), "ukraine", short=name))  # fmt: skip

    def firm(self) -> Actor:
        """A company named in sanctions: new, or now and then one sanctioned before."""
        if self.firms and self.rng.random() < 0.1:
            return self.actors[self.rng.choice(self.firms)]
        for _ in range(30):
            name = fill(self.rng, "{a} [{b} |]{c} {d}", FIRM_WORDS)
            if name not in self.taken and slugify(name) not in self.actor_ids:
                made = self.add(Actor(slugify(name), name, "organization", (name,),
                                      "An invented company of the synthetic corpus, named in "
                                      "sanctions.", short=name))  # fmt: skip
                self.firms.append(made.id)
                return made
        return self.actors[self.rng.choice(self.firms)]

    def analyst(self, centre: Actor, culture: str) -> Actor:
        """A new analyst of `centre` (or one already quoted, now and then)."""
        given, family = NAMES[culture]
        for _ in range(40):
            first, last = self.rng.choice(given), self.rng.choice(family)
            name = f"{last} {first}" if culture == "korean" else f"{first} {last}"
            if name not in self.taken and slugify(name) not in self.actor_ids:
                return self.add(Actor(
                    slugify(name), name, "person", (name,),
                    f"An invented person of the synthetic corpus: an analyst at the "
                    f"{centre.name}.", centre.id, (), None,
                    sort_name=name if culture == "korean" else None, short=last,
                    title="analyst"))  # fmt: skip
        return self.person("south-korea", self.role("south-korea"))

    def group(self, members: Sequence[str], day: dt.date, label: str, ref: str) -> Actor:
        """The signatories of one joint statement."""
        names = [self.country(m).short for m in members]
        if len(members) <= 4:
            base = "–".join(n.removeprefix("the ") for n in names)
            name = f"{base} foreign ministers ({display(day)})"
        else:
            name = f"Signatories of the {display(day)} joint statement"
        while name in self.taken:
            name += " (another statement)"
        alias = label.removeprefix("The ").removeprefix("the ")
        aliases = (alias,) if alias not in self.taken else ()
        count = None
        if len(members) > 4 and self.rng.random() < 0.4:
            count = len(members) + self.rng.randint(5, 35)
        what = (f"An invented group of the synthetic corpus: the governments that issued the "
                f"joint statement of {display(day)}.")  # fmt: skip
        gid = unique_id("joint-statement-" + day.isoformat() + "-signatories", self.actor_ids)
        self.actor_ids.discard(gid)  # `add` records it
        return self.add(Actor(gid, name, "group", aliases, what, None, tuple(members),
                              members=tuple(members), member_count=count,
                              members_reference=ref))  # fmt: skip

    # references and events -------------------------------------------------------------------

    def reference(self, title: str, value: str | None, supports: str) -> str:
        slug = slugify(title, 7).removeprefix("synthetic-")
        rid = unique_id("synthetic-" + slug + (f"-{value}" if value else ""),
                        self.reference_ids)  # fmt: skip
        self.references.append({
            "id": rid, "title": title, "publisher": self.rng.choice(ARCHIVES), "date": value,
            "url": f"{HOST}/records/{rid}", "supports": supports,
        })  # fmt: skip
        return rid

    def event(self, base: str, kind: str, title: str, summary: str, date: dict[str, Any],
              actors: Iterable[str], day: dt.date, mention: str) -> str:  # fmt: skip
        eid = unique_id(f"{base}-{date['value']}", self.event_ids)
        self.events.append({
            "id": eid, "title": title, "kind": kind, "summary": summary, "date": date,
            "actors": list(dict.fromkeys(actors)),
        })  # fmt: skip
        self.past_events.append((day, eid, mention))
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        return eid

    # wording: unintended repeats ----------------------------------------------------------

    def tries(self) -> int:
        """Attempts at fresh wording: many while they mostly succeed; few once the templates'
        wordings are mostly taken (a large corpus), so that generation stays linear."""
        return TRIES if self._failed * 5 < len(self._recent) else 2

    def outcome(self, failed: bool) -> None:
        if len(self._recent) == self._recent.maxlen:
            self._failed -= self._recent[0]
        self._recent.append(failed)
        self._failed += failed
        self.repeats += failed

    def free(self, text: str, owner: object, line: Line | None) -> bool:
        """Whether `text` shares no run of MIN_WORDS words with a statement of another
        occasion (except the words of its talking point, shared on purpose)."""
        for gram, mine in _grams(text, owner, line):
            other = self.grams.get(gram)
            if other is not None and other != mine:
                return False
        return True

    def claim(self, text: str, owner: object, line: Line | None) -> None:
        for gram, mine in _grams(text, owner, line):
            self.grams.setdefault(gram, mine)


def _grams(text: str, owner: object, line: Line | None) -> Iterable[tuple[tuple[str, ...], object]]:
    tokens = repeat_words(text)
    start, end = -1, -1
    if line is not None:
        own = repeat_words(line.phrase)
        for index in range(len(tokens) - len(own) + 1):
            if tokens[index : index + len(own)] == own:
                start, end = index, index + len(own)
                break
    for index in range(len(tokens) - MIN_WORDS + 1):
        gram = tuple(tokens[index : index + MIN_WORDS])
        shared = start >= 0 and index < end and index + MIN_WORDS > start
        yield gram, (("line", line.id) if shared and line else owner)


# --- one report in the making ---------------------------------------------------------------

LINE_SHARE = 0.7  # direct statements that use a formula in circulation
PARA_LINE_SHARE = 0.5  # paraphrases (of LINE_ACTS) that report one
LINE_ACTS = ("condemn", "concern", "violation", "justify")
POOL = {"allies": 8, "ru_nk": 2}  # how many formulas circulate at a time on each side
TRIES = 12  # attempts at a wording that repeats no other occasion's run of words
LINE_TAILS = (", whatever {ru} claims", ", and that will not change", ", as {ally} has also said",
              " — we will keep saying so", ", in {year} as before", ", now more than ever",
              ", and {city} shows why", ", today and tomorrow")  # fmt: skip
PRONOUN_LABELS = ("They", "they", "the statement", "The statement", "the official",
                  "The official", "the spokesperson", "The spokesperson", "the ministers",
                  "The ministers", "the two officials", "The two officials", "the report",
                  "The report", "the joint statement", "The joint statement")  # fmt: skip


@dataclass
class St:
    """A statement in the making."""

    text: str
    kind: str
    speaker: Actor
    label: str
    date: dict[str, Any]
    venue: str
    event: str | None
    topics: list[str]
    act: str
    note: str | None = None
    references: list[str] = field(default_factory=list)
    issued: dict[str, Any] | None = None
    answers: list[tuple[St | str, str]] = field(default_factory=list)  # (statement, relation)
    line: Line | None = None
    id: str = ""
    paragraph: str = ""


class Record:
    """A synthetic outside record of one happening, made on first use (so that only the
    records a date or note cites reach data/references.yml)."""

    def __init__(self, world: World, title: str, day: dt.date, precision: str = "day") -> None:
        self.world, self.title, self.day, self.precision = world, title, day, precision
        self._id: str | None = None

    @property
    def id(self) -> str:
        if self._id is None:
            value = value_of(self.day, self.precision)
            self._id = self.world.reference(
                f"{self.title} (synthetic record)", value,
                f"Synthetic fixture: dates “{self.title}” to {self.shown}.",
            )  # fmt: skip
        return self._id

    @property
    def shown(self) -> str:
        if self.precision == "day":
            return f"{weekday(self.day)} {display(self.day)}"
        return month_display(self.day) if self.precision == "month" else str(self.day.year)


class Draft:
    """One report being written: paragraphs, statements, event references, notes."""

    def __init__(self, world: World, index: int, written: dt.date, pub: str) -> None:
        self.world, self.rng, self.index, self.written, self.pub = (
            world, world.rng, index, written, pub)  # fmt: skip
        self.paras: list[str] = []
        self.statements: list[St] = []
        self.event_refs: dict[str, list[str]] = {}
        self.notes: list[dict[str, Any]] = []
        self.not_statements: list[dict[str, str]] = []
        self.mentions: dict[str, list[str]] = {}
        self.references: list[str] = []
        self.records: dict[str, Record] = {}  # paragraph → the record that confirms it
        self.pending: Record | None = None
        self.pending_mention: str | None = None
        self._wire: str | None = None  # a person the next paragraph names by surname
        self.anchor: tuple[dt.date, str] | None = None  # a full date the text states
        self.title = ""
        self.used_lines: set[str] = set()
        self.ctx: dict[str, Value] = {
            "nk": ("North Korea", "Pyongyang", "the DPRK", "North Korea"),
            "nk_poss": ("North Korea’s", "Pyongyang’s", "the DPRK’s"),
            "ru": ("Russia", "Moscow", "Russia", "the Russian Federation"),
            "ru_poss": ("Russia’s", "Moscow’s"),
            "pair": ("Russia and North Korea", "Moscow and Pyongyang", "North Korea and Russia",
                     "Pyongyang and Moscow", "Russia and the DPRK", "the DPRK and Russia"),
            "ally": ("Seoul", "Tokyo", "Washington", "European partners", "the G7",
                     "NATO allies"),
            "other": ("North Korea", "Russia"), "capital": ("Pyongyang", "Moscow", "Vladivostok"),
            "since": (f"{MONTHS[(written.month + 5) % 12]} last year", "the summer",
                      "the start of the year", "last autumn", f"early {written.year - 1}"),
            "year": str(written.year),
        }  # fmt: skip

    # paragraphs ------------------------------------------------------------------------------

    def add(self, text: str, statements: Sequence[St] = (), events: Iterable[str] = ()) -> str:
        pid = f"p{len(self.paras) + 1}"
        if self.rng.random() < FILL:
            text = f"{text} {fill(self.rng, self.rng.choice(FILLERS), self.ctx)}"
        self.paras.append(text)
        if self.pending_mention is not None:
            self.mentions.setdefault(self.pending_mention, []).append(pid)
            self.pending_mention = None
        if self.pending is not None:
            self.records[pid] = self.pending
            self.pending = None
        for st in statements:
            st.paragraph = pid
            self.statements.append(st)
            if st.event:
                self.refer(st.event, pid)
        for event in events:
            self.refer(event, pid)
        return pid

    def refer(self, event: str, pid: str) -> None:
        paragraphs = self.event_refs.setdefault(event, [])
        if pid not in paragraphs:
            paragraphs.append(pid)

    def note(self, text: str, pid: str | None = None, refs: Sequence[str] = ()) -> None:
        entry: dict[str, Any] = {"paragraph": pid} if pid else {}
        entry["text"] = text
        if refs:
            entry["references"] = list(refs)
        self.notes.append(entry)

    # statements -----------------------------------------------------------------------------

    def say(self, make: Callable[[], str], kind: str, speaker: Actor, label: str,
            date: dict[str, Any], venue: str, event: str | None, act: str,
            topics: Sequence[str], line: Line | None = None) -> St:  # fmt: skip
        """A statement whose words repeat no other occasion's (TRIES attempts)."""
        owner = (self.index, date["value"])
        text = make()
        for _ in range(self.world.tries()):
            if self.world.free(text, owner, line):
                self.world.outcome(False)
                break
            text = make()
        else:
            self.world.outcome(True)
        self.world.claim(text, owner, line)
        return St(text, kind, speaker, label, date, venue, event, self.topics(topics), act,
                  line=line)  # fmt: skip

    def twin(self, st: St, speaker: Actor, label: str | None = None) -> St:
        """The same words recorded for a second speaker (a joint position)."""
        return St(st.text, st.kind, speaker, label or st.label, st.date, st.venue, st.event,
                  list(st.topics), st.act)  # fmt: skip

    def topics(self, base: Sequence[str]) -> list[str]:
        chosen = list(base[: 1 + (self.rng.random() < 0.8)])
        if self.rng.random() < 0.35:
            extra = self.rng.choice(TOPICS)
            if extra not in chosen:
                chosen.append(extra)
        return chosen

    def para(self, act: str, **ctx: Value) -> Callable[[], str]:
        return self._maker(PARAPHRASE[act][1], ctx)

    def direct(self, act: str, **ctx: Value) -> Callable[[], str]:
        return self._maker(DIRECT[act][1], ctx)

    def clause(self, act: str, **ctx: Value) -> Callable[[], str]:
        return self._maker(CLAUSES[act][1], ctx)

    def tail(self, act: str, **ctx: Value) -> Callable[[], str]:
        return self._maker(TAILS[act][1], ctx)

    def _maker(self, templates: Sequence[str], extra: dict[str, Value]) -> Callable[[], str]:
        ctx = {**self.ctx, **extra} if extra else self.ctx
        return lambda: fill(self.rng, self.rng.choice(templates), ctx)

    def quote(self, speaker: Actor, act: str, date: dict[str, Any], venue: str,
              event: str | None, label: str, **ctx: Value) -> St:  # fmt: skip
        """A direct statement; about a third of the time a formula in circulation on the
        speaker's side (a talking point)."""
        line = self._line(speaker) if self.rng.random() < LINE_SHARE else None
        if line is not None:
            words = line.phrase
            lead = fill(self.rng, self.rng.choice(LEAD_INS), self.ctx)
            tail = fill(self.rng, self.rng.choice(LINE_TAILS), self.ctx)
            make: Callable[[], str] = lambda: f"{lead}, {words}"  # noqa: E731
            if self.rng.random() < 0.4:
                make = lambda: f"{cap(words)}{tail}"  # noqa: E731
            st = self.say(make, "direct", speaker, label, date, venue, event, act,
                          DIRECT[act][0], line)  # fmt: skip
            self.used_lines.add(line.id)
            line.uses -= 1
            return st
        return self.say(self.direct(act, **ctx), "direct", speaker, label, date, venue, event,
                        act, DIRECT[act][0])  # fmt: skip

    def vp(self, act: str, speaker: Actor, label: str, date: dict[str, Any], venue: str,
           event: str | None, **ctx: Value) -> St:  # fmt: skip
        """A paraphrase (a verb phrase: "condemned …"); now and then a formula in circulation,
        reported ("said closer military ties …")."""
        line = None
        if act in LINE_ACTS and self.rng.random() < PARA_LINE_SHARE:
            line = self._line(speaker)
        if line is not None:
            words = line.phrase
            verb = self.rng.choice(("said", "stressed that", "repeated that", "warned again that",
                                    "insisted that", "argued that", "noted that"))
            st = self.say(lambda: f"{verb} {words}", "paraphrase", speaker, label, date, venue,
                          event, act, PARAPHRASE[act][0], line)  # fmt: skip
            self.used_lines.add(line.id)
            line.uses -= 1
            return st
        return self.say(self.para(act, **ctx), "paraphrase", speaker, label, date, venue, event,
                        act, PARAPHRASE[act][0])  # fmt: skip

    def _line(self, speaker: Actor) -> Line | None:
        side = "ru_nk" if speaker.country in ("russia", "north-korea") else "allies"
        pool = self.world.lines.setdefault(side, [])
        pool[:] = [ln for ln in pool if ln.uses >= 0]
        if len(pool) < POOL[side]:  # one new formula at a time, when wording is still free
            made = self._new_line(side)
            if made is not None:
                pool.append(made)
        usable = [ln for ln in pool if ln.id not in self.used_lines]
        return self.rng.choice(usable) if usable else None

    def _new_line(self, side: str) -> Line | None:
        bank = SIGNATURES_RU_NK if side == "ru_nk" else SIGNATURES
        for _ in range(self.world.tries()):
            phrase = fill(self.rng, self.rng.choice(bank), self.ctx)
            lid = slugify(phrase.split(" ", 1)[1], 7)
            if lid not in self.world.line_ids and self.world.free(phrase, ("new",), None):
                line = Line(unique_id(lid, self.world.line_ids), side, phrase,
                            self.rng.randint(1, 3))  # fmt: skip
                self.world.all_lines.append(line)
                return line
        return None

    # dates -------------------------------------------------------------------------------------

    @property
    def pub_phrase(self) -> str:
        if self.pub == "day":
            return f"a report dated {weekday(self.written)} {display(self.written)}"
        if self.pub == "month":
            return f"a report of {month_display(self.written)}"
        return f"a report of {self.written.year}"

    def occasion_date(self, day: dt.date, record: Record) -> tuple[str, dict[str, Any]]:
        """The time phrase of the report's main occasion, and its date: inferred from a
        weekday and the dateline, or from a weekday with its day and a year the text states;
        else the synthetic record's."""
        delta = (self.written - day).days
        if self.pub == "day" and delta <= 6:
            phrase = f"on {weekday(day)}"
            note = f"“{cap(phrase)}” in {self.pub_phrase}."
            return phrase, date_entry(day.isoformat(), "inferred", note)
        if self.anchor and self.anchor[0].year == day.year and self.rng.random() < 0.9:
            phrase = f"on {weekday(day)} ({month_day(day)})"
            note = (f"“{cap(phrase)}”; the year comes from the report’s mention of "
                    f"“{self.anchor[1]}”.")  # fmt: skip
            return phrase, date_entry(day.isoformat(), "inferred", note)
        return self.past_date(day, record, "day")

    def past_date(self, day: dt.date, record: Record, precision: str) -> tuple[str, dict[str, Any]]:
        """A relative time phrase ("last week", "in mid-March") and the record's date."""
        phrase = self._relative(day, precision)
        record.precision = precision
        told = (f"“{cap(phrase)}”, in {self.pub_phrase}" if phrase
                else f"The text does not say when (in {self.pub_phrase})")  # fmt: skip
        note = f"{told}; the synthetic record “{record.title}” dates it to {record.shown}."
        if precision != "day":
            note = f"{told}; the synthetic record “{record.title}” gives only {record.shown}."
        return phrase, date_entry(value_of(day, precision), "external", note, [record.id])

    def _relative(self, day: dt.date, precision: str) -> str:
        delta = (self.written - day).days
        same_month = (day.year, day.month) == (self.written.year, self.written.month)
        options: list[str] = []
        if precision != "day":  # the text is no more precise than the date
            return self._vague(day)
        week = day.isocalendar()[:2]
        if delta <= 6:
            this_week = week == self.written.isocalendar()[:2]
            options += [f"on {weekday(day)}", "earlier this week" if this_week else "last week"]
        elif delta <= 13:
            options.append("days earlier")
            if week == (self.written - dt.timedelta(days=7)).isocalendar()[:2]:
                options += ["last week", f"on {weekday(day)} last week"]
        if same_month and delta > 2:
            options.append("earlier this month")
        if delta <= 40:
            options.append("recently")
        last_month = (self.written.replace(day=1) - dt.timedelta(days=1)).month == day.month
        if last_month and delta < 62:
            options.append("last month")
        if 11 <= day.day <= 20:
            options.append(f"in mid-{MONTHS[day.month - 1]}")
        if delta > 20 and day.year == self.written.year:
            options.append(f"in {MONTHS[day.month - 1]}")
        if day.year == self.written.year - 1:
            options.append("last year")
        if not options or self.rng.random() < 0.1:
            options.append("")
        return self.rng.choice(options)

    def _vague(self, day: dt.date) -> str:
        options = ["", "recently", "earlier"]
        if day.year == self.written.year and day.month != self.written.month:
            options.append(f"in {MONTHS[day.month - 1]}")
        if day.year == self.written.year - 1:
            options.append("last year")
        return self.rng.choice(options)

    def past(self, title: str, low: int = 1, high: int = 120,
             weights: tuple[float, float, float] = (0.78, 0.22, 0.0)) -> tuple[dt.date, str, Any]:
        """A day before the report, its time phrase and its date from a record: to the day,
        or (by `weights`) only to the month or the year."""
        delta = min(self.rng.randint(low, high), self.rng.randint(low, high))
        day = self.written - dt.timedelta(days=delta)
        precision = self.rng.choices(("day", "month", "year"), weights)[0]
        record = self.record(title, day)
        phrase, date = self.past_date(day, record, precision)
        self.pending = record  # the next paragraph is the one it confirms
        return day, phrase, date

    def stated_date(self, day: dt.date) -> tuple[str, dict[str, Any]]:
        phrase = f"on {full_us(day)}"
        self.anchor = (day, full_us(day))
        note = f"The text gives the date: “{phrase}”."
        return phrase, date_entry(day.isoformat(), "stated", note)

    def undated(self, verb: str) -> dict[str, Any]:
        """The date of words the text does not date ("have said", "deny"): the report's own
        period, no more precise than its publication date."""
        precision = "month" if self.pub != "year" and self.rng.random() < 0.2 else "year"
        period = month_display(self.written) if precision == "month" else str(self.written.year)
        note = (f"The text gives no date (“{verb}”); it is dated to the time of the report, "
                f"{period}.")  # fmt: skip
        return date_entry(value_of(self.written, precision), "inferred", note)

    def wire_copy(self) -> str:
        """An undated wire copy of this report (one reference, made on first use)."""
        if self._wire is None:
            self._wire = self.world.reference(
                f"Wire copy of “{self.title}”", None,
                "Synthetic fixture: an undated wire copy of the report, with the same words.")
        return self._wire

    def record(self, title: str, day: dt.date) -> Record:
        return Record(self.world, title, day)


def listing(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def sentence(*parts: str) -> str:
    """Words joined into one sentence with its full stop, leaving out empty parts."""
    return " ".join(p for p in parts if p).replace(" ,", ",") + "."


def who(world: World, person: Actor) -> str:
    """How a report first names a person: "South Korean Foreign Minister Park Ji-hoon"."""
    return f"{world.country(person.country or '').adjective} {person.title} {person.name}"


def partial(d: Draft, kind: str, speaker: Actor, label: str, date: dict[str, Any], venue: str,
            event: str | None, **ctx: Value) -> tuple[str, St]:  # fmt: skip
    """A quoted fragment and the sentence around it."""
    topics, fragments, frames = PARTIAL[kind]
    frame = d.rng.choice(frames)
    shown = cap(label) if "{Label}" in frame else label
    st = d.say(lambda: fill(d.rng, d.rng.choice(fragments), d.ctx), "partial", speaker, shown,
               date, venue, event, kind, topics)  # fmt: skip
    return fill(d.rng, frame, {**d.ctx, **ctx, "label": label, "frag": st.text}), st


def double_quote(d: Draft, speaker: Actor, label: str, date: dict[str, Any], venue: str,
                 event: str | None) -> list[St]:  # fmt: skip
    """A paragraph of two quoted sentences: “…,” the statement said. “…”"""
    acts = d.rng.sample(("condemn", "concern", "demand", "law", "support"), 2)
    first = d.quote(speaker, acts[0], date, venue, event, label)
    second = d.quote(speaker, acts[1], date, venue, event, label)
    verb = d.rng.choice(("said", "added", "continued", "read"))
    d.add(f"{label} {verb}, “{first.text}.” “{second.text}.”", [first, second])
    return [first, second]


def issued(d: Draft, statements: Iterable[St], reference: str, differ: float = 0.55) -> None:
    """The statements' issued text is in `reference`; some differ from the report's words
    (the note quotes only the differing words)."""
    for st in statements:
        found = [(w, alt) for w, alt, pattern in _SYNONYMS if pattern.search(st.text)]
        if found and d.rng.random() < differ:
            said, alt = d.rng.choice(found)
            note = f"Reported “{said}”; issued “{alt}”."
            st.issued = {"reference": reference, "differs": True, "note": note}
        else:
            st.issued = {"reference": reference, "differs": False}


SYNONYMS = (("condemned", "denounced"), ("strongly", "firmly"), ("transfer", "transfers"),
            ("supply", "provision"), ("North Korea", "the DPRK"), ("deep", "profound"),
            ("cooperation", "collaboration"), ("resolutions", "UNSCRs"), ("Russia", "the Russian "
            "Federation"), ("support", "backing"), ("violated", "contravened"),
            ("weapons", "arms"), ("urge", "call on"), ("immediately", "at once"),
            ("concern", "alarm"), ("the DPRK", "North Korea"), ("Moscow", "Russia"),
            ("Pyongyang", "the DPRK"), ("violation", "breach"), ("deeply", "profoundly"),
            ("missiles", "ballistic missiles"), ("continue", "keep"), ("war", "war of "
            "aggression"), ("partners", "allies"), ("must", "should"))  # fmt: skip
_SYNONYMS = tuple((w, alt, re.compile(rf"\b{re.escape(w)}\b")) for w, alt in SYNONYMS)
TRIADS = (("south-korea", "united-states", "japan"), ("united-states", "japan", "south-korea"),
          ("united-states", "south-korea", "japan"), ("united-states", "united-kingdom",
          "france"), ("south-korea", "japan", "australia"), ("united-states", "japan",
          "australia"), ("south-korea", "united-states", "united-kingdom"))  # fmt: skip
CALL_PAIRS = (("united-states", "south-korea"), ("united-states", "japan"),
              ("south-korea", "japan"), ("united-states", "united-kingdom"),
              ("south-korea", "ukraine"), ("japan", "united-kingdom"))  # fmt: skip


# --- the main occasion of a report -------------------------------------------------------------


def occasion_joint(d: Draft) -> None:
    """A joint statement of allied governments (the commonest occasion in the real five)."""
    w, rng = d.world, d.rng
    day = d.written - dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 4, 5, 6)))
    if rng.random() < 0.45:
        members = list(rng.choice(TRIADS))
    else:
        members = ["united-states", *rng.sample(ALLIES[1:], rng.randint(7, 12))]
        members += ["european-union"] if rng.random() < 0.6 else []
    names = [w.actors[m].short if m != "european-union" else "the EU" for m in members]
    official = w.reference(f"Joint statement on North Korea–Russia arms transfers "
                           f"({display(day)})", day.isoformat(),
                           "Synthetic fixture: the issued text of a joint statement.")  # fmt: skip
    if len(members) <= 4:
        lead = rng.choice(("The foreign ministers of", "The top diplomats of",
                           "Foreign ministers from")) + " " + listing(names)  # fmt: skip
        d.title = fill(rng, "{names} [condemn|denounce] {nk} arms [supplies|transfers] to "
                       "{ru}", {**d.ctx, "names": listing(names), "nk": "N. Korea"})
    else:
        lead = f"The foreign ministers of {len(members)} countries"
        d.title = fill(rng, "[US and allies|{n} governments] [oppose|condemn] North Korea–"
                       "Russia arms transfers[ in joint statement|]", {"n": str(len(members))})
    group = w.group(members, day, lead, official)
    phrase, date = d.occasion_date(day, d.record(f"Joint statement of {display(day)}", day))
    eid = w.event("joint-statement", "statement",
                  f"{listing(names[:3])}{' and others' if len(names) > 3 else ''} condemn "
                  "North Korea–Russia arms transfers in a joint statement",
                  f"The foreign ministers of {listing(names)} condemned arms transfers "
                  "between North Korea and Russia in a joint statement.",
                  date, [group.id, *members], day, f"the joint statement of {display(day)}")
    said = _joint_paragraphs(d, group, (lead, phrase), date, eid, names)
    issued(d, said, official)


def _joint_paragraphs(d: Draft, group: Actor, lead_when: tuple[str, str], date: dict[str, Any],
                      eid: str, names: list[str]) -> list[St]:  # fmt: skip
    rng, venue, said = d.rng, "joint statement", []
    lead, phrase = lead_when
    st = d.vp(rng.choice(("condemn", "concern")), group, lead, date, venue, eid)
    extra = f" The signatories included {listing(names[:4])}." if len(names) > 4 else ""
    d.add(sentence(lead, st.text, "in a joint statement", phrase) + extra, [st])
    said.append(st)
    text, st = partial(d, rng.choice(("np", "called")), group, rng.choice(
        ("the ministers", "the foreign ministers", "the signatories")), date, venue, eid)
    d.add(text, [st])
    said.append(st)
    q = d.quote(group, rng.choice(("support", "condemn", "concern")), date, venue, eid,
                "the statement")  # fmt: skip
    t = d.say(d.tail(rng.choice(tuple(TAILS))), "paraphrase", group, "the statement", date,
              venue, eid, "demand", TAILS["demand"][0])  # fmt: skip
    d.add(f"“{q.text},” the statement said, {t.text}.", [q, t])
    said += [q, t]
    q = d.quote(group, "demand", date, venue, eid, "the joint statement")
    d.add(f"“{q.text},” the joint statement {rng.choice(('said', 'added', 'read'))}.", [q])
    said.append(q)
    st = d.say(d.clause(rng.choice(tuple(CLAUSES))), "paraphrase", group, "The statement",
               date, venue, eid, "violation", CLAUSES["violation"][0])  # fmt: skip
    d.add(f"The statement {rng.choice(('said', 'added', 'noted'))} that {st.text}.", [st])
    said.append(st)
    if rng.random() < 0.6:
        q = d.quote(group, rng.choice(("law", "monitor")), date, venue, eid, "the ministers")
        d.add(f"“{q.text},” the ministers {rng.choice(('said', 'wrote', 'stressed'))}.", [q])
        said.append(q)
    if rng.random() < 0.75:
        said += double_quote(d, group, "The statement", date, venue, eid)
    for st in said:
        if st.label in PRONOUN_LABELS and rng.random() < 0.5:
            st.note = f"“{st.label}” is the joint statement of {listing(names[:3])}" + (
                " and others (¶ 1)." if len(names) > 3 else " (¶ 1).")
    return said


def occasion_call(d: Draft) -> None:
    """Two officials' phone call, known from a readout (a press release)."""
    w, rng = d.world, d.rng
    c1, c2 = rng.choice(CALL_PAIRS)
    a = w.person(c1, w.role(c1, "National Security Advisor", "Foreign Minister"))
    b = w.person(c2, w.role(c2, "National Security Office chief", "Foreign Minister",
                            "Foreign Secretary"))  # fmt: skip
    issuer = w.actors[a.affiliation or c1]
    issuer_name = issuer.short if issuer.kind == "organization" else "Foreign Ministry"
    day = d.written - dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 4, 5)))
    official = w.reference(f"Readout of the call between {a.name} and {b.name}",
                           day.isoformat(), "Synthetic fixture: the issued readout of a call.")
    phrase, date = d.occasion_date(day, d.record(f"Call between {a.name} and {b.name}", day))
    eid = w.event(f"{slugify(a.short)}-{slugify(b.short)}-call", "call",
                  f"{a.name} and {b.name} discuss North Korea–Russia cooperation by phone",
                  f"{a.name} and {b.name} condemned arms transfers between North Korea and "
                  "Russia in a phone call.", date, [a.id, b.id, c1, c2], day,
                  f"the call between {a.name} and {b.name}")  # fmt: skip
    d.title = fill(rng, "{c1} and {c2} [condemn|denounce] {nk}’s role in Russian [missiles|"
                   "arms] for Ukraine", {**d.ctx, "c1": cap(w.country(c1).short),
                                         "c2": w.country(c2).short})  # fmt: skip
    topic = fill(rng, "[North Korea’s growing military cooperation with Russia|the arms "
                 "transfers between {pair}|{nk_poss} missile launches and its ties with {ru}]",
                 d.ctx)  # fmt: skip
    verb = rng.choice(("held a phone call", "spoke by phone", "talked by telephone"))
    d.add(sentence(who(w, a), "and", who(w, b), verb, phrase, "to discuss", topic), [], [eid])
    venue = f"press release issued by the {issuer_name}"
    said = _call_paragraphs(d, (a, b), (c1, c2), date, eid, venue)
    issued(d, said, official, 0.35)


def _call_paragraphs(d: Draft, people: tuple[Actor, Actor], countries: tuple[str, str],
                     date: dict[str, Any], eid: str, venue: str) -> list[St]:  # fmt: skip
    w, rng = d.world, d.rng
    a, b = people
    first = d.say(lambda: "the two officials " + d.para(rng.choice(("condemn", "concern")))(),
                  "paraphrase", a, "the two officials", date, venue, eid, "condemn",
                  PARAPHRASE["condemn"][0])  # fmt: skip
    second = d.say(lambda: "They " + d.para("violation")(), "paraphrase", a, "They", date,
                   venue, eid, "violation", PARAPHRASE["violation"][0])  # fmt: skip
    when = rng.choice(("that day", "after the call", "on the call"))
    d.add(f"According to a {venue} {when}, {first.text}. {second.text}.",
          [first, d.twin(first, b), second, d.twin(second, b)])
    said = d.statements[-4:]
    for st in said:
        st.note = (f"“{cap(st.label)}” are {a.name} and {b.name} (¶ 1); the report gives "
                   "their joint position, recorded once for each.")  # fmt: skip
    x, y = (w.country(countries[0]).short, w.country(countries[1]).short)
    pair = f"{x} and {y}"
    st = d.say(lambda: f"{pair} " + d.para(rng.choice(("pledge", "support")))(), "paraphrase",
               w.country(countries[0]), pair, date, venue, eid, "pledge",
               PARAPHRASE["pledge"][0])  # fmt: skip
    since = fill(rng, "[In view of the continued development of|Given the deepening of|With "
                 "the expansion of] [cooperation|military ties|the arms trade] between {pair}",
                 d.ctx)  # fmt: skip
    d.add(f"{since}, {st.text}.", [st, d.twin(st, w.country(countries[1]))])
    for st in d.statements[-2:]:
        st.note = "The report gives the two governments’ joint position, recorded once for each."
    said += d.statements[-2:]
    if rng.random() < 0.6:
        q = d.quote(a, rng.choice(("monitor", "condemn")), date, "not stated", eid, a.short)
        pid = d.add(f"“{q.text},” {a.short} said {rng.choice(('later', 'after the call'))}.",
                    [q])  # fmt: skip
        d.mentions.setdefault(a.id, []).append(pid)
    return said


SPOKES = {"united-states": "us-state-department", "south-korea": "south-korea-foreign-ministry",
          "japan": "japan-foreign-ministry", "united-kingdom": "uk-foreign-office"}
SECOND = {"united-states": "pentagon", "south-korea": "south-korea-jcs",
          "japan": "japan-defense-ministry", "united-kingdom": "uk-foreign-office"}


def occasion_spokes(d: Draft) -> None:
    """A ministry's spokesperson answers a news agency (by email, to a question, at a
    briefing): the real five's second commonest occasion."""
    w, rng = d.world, d.rng
    country = rng.choice(("united-states", "united-states", "united-states", "south-korea",
                          "japan", "united-kingdom"))  # fmt: skip
    org = w.actors[SPOKES[country]]
    agency = w.actors[slugify(rng.choice(AGENCIES))]
    day = d.written - dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 5)))
    phrase, date = d.occasion_date(day, d.record(f"{org.name} comments of {display(day)}", day))
    eid = w.event(f"{org.id}-concern", "statement",
                  f"{org.name} voices concern over North Korea–Russia cooperation",
                  f"A {org.short} spokesperson voiced concern over the military cooperation "
                  "between North Korea and Russia.", date, [org.id, country, "north-korea",
                  "russia"], day, f"the {org.short}’s comments of {display(day)}")  # fmt: skip
    d.title = fill(rng, "{c} [voices|reaffirms|restates] concern over [North Korea–Russia|"
                   "Pyongyang–Moscow] [cooperation|ties|arms deals]",
                   {"c": cap(w.country(country).short)})  # fmt: skip
    state = w.country(country)
    speaker, label = (state, cap(state.short)) if rng.random() < 0.4 else (org, f"The {org.short}")
    st = d.vp("concern", speaker, label, date, "not stated", eid)
    d.add(sentence(label, st.text, phrase), [st])
    named = rng.random() < 0.2
    speaker = w.person(country, w.role(country, "State Department spokesperson",
                                       "Foreign Ministry spokesperson")) if named else org
    label = f"{org.short} spokesperson {speaker.name}" if named else (
        f"a {org.short} spokesperson")
    said = _spokes_paragraphs(d, speaker, (label, agency.name), date, eid)
    if rng.random() < 0.85:
        kind = "transcript of the briefing" if said[0].venue == "briefing" else "text of the reply"
        official = w.reference(f"{org.name}: {kind} of {display(day)}", day.isoformat(),
                               f"Synthetic fixture: the issued {kind}.")  # fmt: skip
        issued(d, said, official)
    _second_official(d, w.actors[SECOND[country]], agency.name, date, eid)


def _spokes_paragraphs(d: Draft, speaker: Actor, label_agency: tuple[str, str],
                       date: dict[str, Any], eid: str) -> list[St]:  # fmt: skip
    rng = d.rng
    label, agency = label_agency
    how = rng.choice(((f"told {agency} via email", "email"),
                      (f"said in an email to {agency}", "email"),
                      (f"said in response to a question from {agency}",
                       f"response to a question from {agency}"),
                      (f"said in response to a related inquiry from {agency}",
                       f"response to a related inquiry from {agency}"),
                      ("told a regular briefing", "briefing")))  # fmt: skip
    venue = how[1]
    q = d.quote(speaker, rng.choice(("concern", "law")), date, venue, eid, label)
    d.add(f"“{q.text},” {label} {how[0]}.", [q])
    q = d.quote(speaker, rng.choice(("law", "monitor", "condemn")), date, venue, eid,
                "the official")  # fmt: skip
    d.add(f"“{q.text},” the official {rng.choice(('added', 'continued', 'went on'))}.", [q])
    st = d.say(d.clause(rng.choice(("violation", "concern"))), "paraphrase", speaker,
               "The spokesperson", date, venue, eid, "violation", CLAUSES["violation"][0])
    d.add(f"The spokesperson also {rng.choice(('said', 'stressed', 'underscored'))} that "
          f"{st.text}.", [st])  # fmt: skip
    if rng.random() < 0.5:
        text, st = partial(d, rng.choice(("called", "np")), speaker, "the spokesperson", date,
                           venue, eid)  # fmt: skip
        d.add(text, [st])
    if rng.random() < 0.7:
        double_quote(d, speaker, "The spokesperson", date, venue, eid)
    said = [st for st in d.statements if st.event == eid and st.speaker is speaker]
    for st in said:
        if st.label in PRONOUN_LABELS and rng.random() < 0.6:
            st.note = f"“{st.label}” is {label} (¶ 2)."
    return said


def _second_official(d: Draft, org: Actor, agency: str, date: dict[str, Any], eid: str) -> None:
    """A second institution's guarded reply, as in the real reports."""
    rng = d.rng
    if rng.random() < 0.4:
        return
    venue = f"response to a question from {agency}"
    q = d.quote(org, "monitor", date, venue, eid, "the official")
    intro = fill(rng, "Meanwhile, a {org} official [responded cautiously|gave a brief reply|"
                 "declined to elaborate], [acknowledging the reports|saying little more]",
                 {"org": org.short})  # fmt: skip
    d.add(f"{intro}. “{q.text},” the official said in response to a question from {agency}.",
          [q])


MEETING_PLACES = ("Pyongyang", "Moscow", "Vladivostok", "the Vostochny spaceport", "Khabarovsk",
                  "Wonsan")  # fmt: skip


def occasion_meeting(d: Draft, summit: bool | None = None) -> None:
    """Russian and North Korean leaders or ministers meet; both sides are indexed."""
    w, rng = d.world, d.rng
    summit = rng.random() < 0.45 if summit is None else summit
    a = w.person("russia", w.role("russia", "President" if summit else "Foreign Minister"), 0.9)
    b = w.person("north-korea", w.role("north-korea", "leader" if summit else "Foreign Minister"),
                 0.9)  # fmt: skip
    place = rng.choice(MEETING_PLACES)
    noun = "summit" if summit else "meeting"
    day = d.written - dt.timedelta(days=rng.choice((1, 2, 3, 4, 5, 6)))
    phrase, date = d.occasion_date(day, d.record(f"{cap(noun)} of {a.name} and {b.name}", day))
    eid = w.event(f"{slugify(a.short)}-{slugify(b.short)}-{noun}", noun,
                  f"{a.name} and {b.name} hold a {noun} in {place}",
                  f"{a.name} and {b.name} met in {place} and pledged closer ties between Russia "
                  "and North Korea.", date, [a.id, b.id, "russia", "north-korea"], day,
                  f"the {noun} of {a.name} and {b.name} in {place}")  # fmt: skip
    d.title = fill(rng, "[Russian and North Korean|Moscow and Pyongyang] [leaders|officials] "
                   "pledge [closer|deeper] ties at {place} {noun}", {"place": place.removeprefix(
                       "the "), "noun": noun})  # fmt: skip
    st = d.say(d.para("pledge_ru"), "paraphrase", a, who(w, a), date, noun, eid, "pledge_ru",
               PARAPHRASE["pledge_ru"][0])  # fmt: skip
    d.add(sentence(who(w, a), "and", who(w, b), st.text, f"at a {noun} in {place}", phrase),
          [st, d.twin(st, b, who(w, b))])
    d.statements[-1].note = d.statements[-2].note = (
        f"The report gives the joint position of {a.name} and {b.name}; recorded once for each.")
    text, st = partial(d, "ru_nk", b, b.short, date, noun, eid, other="Russia")
    pid = d.add(text, [st])
    d.mentions.setdefault(b.id, []).append(pid)
    _treaty(d, eid, noun)
    us = w.country("united-states")
    st = d.say(lambda: fill(rng, "the {noun} [in|at] {place} was meant to [facilitate|pave the "
                            "way for|seal] [arms deals|weapons deals|missile sales|munitions "
                            "deals] [with {ru}|for {ru}|]", {**d.ctx, "noun": noun,
                            "place": place}), "paraphrase", us, "Washington",
               d.undated("said"), "not stated", eid, "condemn", ("arms-transfers",))
    d.add(f"Washington said {st.text}.", [st])
    readout = w.reference(f"KCNA report on the {noun} of {a.name} and {b.name}", day.isoformat(),
                          "Synthetic fixture: the state media account of the meeting.")
    issued(d, [s for s in d.statements if s.event == eid and s.speaker in (a, b)], readout)
    q = d.quote(a, "ru_nk", date, noun, eid, a.short, other="North Korea")
    pid = d.add(f"“{q.text},” {a.short} said {rng.choice(('after the talks', 'at the ' + noun))}.",
                [q])  # fmt: skip
    d.mentions.setdefault(a.id, []).append(pid)


def _treaty(d: Draft, eid: str, noun: str) -> None:
    """A quoted name that is not a statement (declared under not_statements)."""
    rng = d.rng
    if rng.random() < 0.55:
        return
    name = rng.choice(TREATIES)
    straight = rng.random() < 0.4  # a closing straight mark, as in a real report
    close = '"' if straight else "”"
    text = fill(rng, "The two sides [signed|concluded|finalised] a “{name}{close} [treaty|"
                "agreement] during the {noun}, [a document that promises|which provides for] "
                "mutual aid in case of [attack|aggression].",
                {"name": name, "close": close, "noun": noun})  # fmt: skip
    pid = d.add(text, [], [eid])
    d.not_statements.append({"text": name, "paragraph": pid,
                             "reason": "The name of the treaty, not words of a speaker."})
    if straight:
        d.note("The treaty’s name opens with a curly quote mark and closes with a straight one.",
               pid)


def occasion_action(d: Draft) -> None:
    """Sanctions announced, a veto at the Security Council, or a published report."""
    kind = d.rng.choice(("sanctions", "veto", "report"))
    {"sanctions": _sanctions, "veto": _veto, "report": _report}[kind](d)


def _sanctions(d: Draft) -> None:
    w, rng = d.world, d.rng
    country = rng.choice(("united-states", "united-states", "south-korea", "japan",
                          "united-kingdom"))  # fmt: skip
    org = w.actors["us-treasury" if country == "united-states" else SPOKES[country]]
    day = d.written - dt.timedelta(days=rng.choice((0, 1, 2, 3, 4)))
    official = w.reference(f"{org.name}: sanctions notice of {display(day)}", day.isoformat(),
                           "Synthetic fixture: the issued text of a sanctions notice.")
    phrase, date = d.occasion_date(day, d.record(f"{org.name} sanctions of {display(day)}", day))
    eid = w.event(f"{org.id}-sanctions", "sanctions",
                  f"{org.name} imposes sanctions over North Korea–Russia arms transfers",
                  f"The {org.short} imposed sanctions on people and firms it accused of "
                  "moving arms between North Korea and Russia.", date,
                  [org.id, country, "north-korea", "russia"], day,
                  f"the sanctions the {org.short} imposed on {display(day)}")  # fmt: skip
    d.title = f"{cap(w.country(country).short)} sanctions firms over North Korea–Russia arms trade"
    venue = f"press release issued by the {org.short}"
    st = d.say(d.para("sanctions"), "paraphrase", org, f"The {org.short}", date, venue, eid,
               "sanctions", PARAPHRASE["sanctions"][0])  # fmt: skip
    d.add(sentence(f"The {org.short}", st.text, phrase, f"in a {venue}"), [st])
    person = w.person(country, w.role(country, "Secretary of State", "Foreign Minister",
                                      "Foreign Secretary"))  # fmt: skip
    q = d.quote(person, "condemn", date, "statement", eid, who(w, person))
    d.add(f"“{q.text},” {who(w, person)} said in a statement.", [q])
    c = d.say(d.clause("violation"), "paraphrase", org, f"The {org.short}", date, venue, eid,
              "violation", CLAUSES["violation"][0])  # fmt: skip
    d.add(f"The {org.short} said {c.text}.", [c])
    issued(d, [st, q, c], official, 0.3)


def _veto(d: Draft) -> None:
    w, rng = d.world, d.rng
    day = d.written - dt.timedelta(days=rng.choice((0, 1, 2, 3, 4, 5)))
    phrase, date = d.occasion_date(day, d.record(f"Security Council vote of {display(day)}", day))
    eid = w.event("russia-veto-sanctions-panel", "veto",
                  "Russia vetoes the renewal of the UN sanctions panel on North Korea",
                  "Russia vetoed a Security Council resolution that would have renewed the "
                  "mandate of the Panel of Experts monitoring sanctions on North Korea.", date,
                  ["russia", "un-security-council", "un-panel-of-experts"], day,
                  f"Russia’s veto at the Security Council on {display(day)}")  # fmt: skip
    d.title = fill(rng, "Russia [vetoes|blocks] [renewal|extension] of UN panel monitoring North"
                   " Korea sanctions", {})  # fmt: skip
    body = fill(rng, "{Ru} vetoed a UN Security Council resolution {when} that would have "
                "[extended|renewed] the mandate of the Panel of Experts [monitoring|that "
                "monitors] sanctions on {nk}.", {**d.ctx, "when": phrase})  # fmt: skip
    d.add(body.replace("  ", " "), [], [eid])
    venue = "Security Council meeting"
    envoy = w.person("russia", w.role("russia", "Ambassador to the United Nations"))
    st = d.say(lambda: fill(rng, "the panel had [become|grown] [biased|politicised|one-sided] "
                            "and [no longer served|had stopped serving|failed] [its purpose|the "
                            "Council|{region_peace}]", d.ctx), "paraphrase", envoy, who(w, envoy),
               date, venue, eid, "justify", ("un-security-council", "sanctions"))
    d.add(f"{who(w, envoy)} told the {venue} that {st.text}.", [st])
    ally = rng.choice(("united-states", "south-korea", "japan", "united-kingdom"))
    amb = w.person(ally, w.role(ally, "Ambassador to the United Nations"))
    text, st = partial(d, "veto", amb, who(w, amb), date, venue, eid)
    d.add(text, [st])
    q = d.quote(amb, rng.choice(("law", "demand")), date, venue, eid, amb.short)
    pid = d.add(f"“{q.text},” {amb.short} said at the {venue}.", [q])
    d.mentions.setdefault(amb.id, []).append(pid)


def _report(d: Draft) -> None:
    w, rng = d.world, d.rng
    centre = w.actors[rng.choice(("un-panel-of-experts", *(slugify(c) for c in CENTRES)))]
    day = d.written - dt.timedelta(days=rng.choice((1, 2, 3, 4, 5, 6)))
    phrase, date = d.occasion_date(day, d.record(f"{centre.name} report of {display(day)}", day))
    eid = w.event(f"{centre.id}-report", "report",
                  f"The {centre.name} reports on North Korean weapons in Ukraine",
                  f"A report by the {centre.name} traced weapons used in Ukraine to North Korea.",
                  date, [centre.id, "north-korea", "russia", "ukraine"], day,
                  f"the {centre.name} report of {display(day)}")  # fmt: skip
    d.title = fill(rng, "[Report|Experts] [finds|find|say] North Korean [missiles|weapons|shells]"
                   " [used|fired] in Ukraine", {})  # fmt: skip
    venue = "report"
    st = d.say(lambda: fill(rng, "[debris|fragments|remnants] of [a missile|missiles] [that hit|"
                            "recovered in|that landed near] {city} [came from|matched] a North "
                            "Korean [Hwasong-11|KN-23|ballistic missile] [design|model|series]",
                            d.ctx), "paraphrase", centre, f"the {centre.name}", date, venue, eid,
               "assess", ("arms-transfers", "war-in-ukraine"))
    d.add(sentence(f"A {venue} by the {centre.name},", rng.choice(("released", "published")),
                   phrase + ",", "said that", st.text).replace(" ,", ","), [st])
    st = d.say(d.para("assess"), "paraphrase", centre, "The report", date, venue, eid, "assess",
               PARAPHRASE["assess"][0])  # fmt: skip
    d.add(f"The report also {st.text}.", [st])
    text, st = partial(d, "called", centre, "the report", date, venue, eid)
    d.add(text, [st])


# --- background paragraphs: earlier happenings, the other side, context ------------------------

MISSILES = ("short-range ballistic missiles", "ballistic missiles", "cruise missiles",
            "artillery rockets", "a ballistic missile", "an intermediate-range missile")
THINGS = ("a [new |larger |second |]submarine [capable of launching|able to fire|built to "
          "carry] [tactical nuclear weapons|nuclear-tipped missiles|cruise missiles]",
          "a [reconnaissance|spy|military] satellite [able to watch|designed to track|meant to "
          "photograph] [US bases|allied warships|targets in {region}]",
          "a [drone|underwater drone|long-range drone] [able to carry|built to deliver|designed "
          "for] a [nuclear warhead|heavy payload|radioactive tsunami]",
          "a [new|heavier|longer-range] [multiple-warhead|solid-fuel|hypersonic] missile[ with a "
          "range of {km} kilometres|]",
          "a [solid-fuel|high-thrust|new] engine for [long-range|intercontinental|space] "
          "[missiles|rockets|launchers]")  # fmt: skip


def _when(d: Draft, title: str, day: dt.date | None, low: int = 1,
          high: int = 120) -> tuple[dt.date, str, Any]:  # fmt: skip
    """A background's day: the full date the text states (`day`), or one from a record."""
    if day is not None:
        phrase, date = d.stated_date(day)
        return day, phrase, date
    return d.past(title, low, high)


def bg_launch(d: Draft, day: dt.date | None = None) -> None:
    w, rng = d.world, d.rng
    count, what = rng.choice(NUMBER_WORDS[:5]), rng.choice(MISSILES)
    what = what if what.startswith(("a ", "an ")) else f"{count} {what}"
    site = rng.choice(LAUNCH_SITES)
    title = f"North Korea fires {what} {site}"
    day, phrase, date = _when(d, title, day)
    eid = w.event("north-korea-missile-launch", "launch", title,
                  f"North Korea fired {what} {site}, South Korea’s military said.", date,
                  ["north-korea", "south-korea-jcs"], day, f"North Korea’s launch of {what}")
    jcs = w.actors["south-korea-jcs"]
    st = d.say(lambda: fill(rng, "{Nk} fired {what} {site} {when}[, which flew about {km} "
                            "kilometres| toward {sea}| before they fell into {sea}|]",
                            {**d.ctx, "what": what, "site": site, "when": phrase,
                             "km": str(rng.randint(12, 95) * 10), "sea": SEAS}
                            ).replace("  ", " "), "paraphrase", jcs,
               "the South Korean Joint Chiefs of Staff", date, "not stated", eid, "launch",
               ("missile-launches",))  # fmt: skip
    how = rng.choice((("said", "not stated"), ("said in a text message to reporters",
                      "text message to reporters"), ("told reporters", "not stated")))
    st.venue = how[1]
    text = f"{st.text}, the South Korean Joint Chiefs of Staff {how[0]}."
    if rng.random() < 0.2:
        name = rng.choice(EXERCISES)
        text += (f" The launch came days after the allies’ “{name}” "
                 f"{rng.choice(('drills', 'exercises', 'manoeuvres'))} ended.")  # fmt: skip
        d.not_statements.append({"text": name, "paragraph": f"p{len(d.paras) + 1}",
                                 "reason": "The name of a military exercise, not words of a "
                                 "speaker."})  # fmt: skip
    said = [st]
    if rng.random() < 0.75:
        ally = rng.choice(("united-states", "japan", "south-korea"))
        org = w.actors[SPOKES[ally]]
        extra, react = partial(d, "adj", org, f"the {org.short}", date, "not stated", eid)
        text, said = f"{text} {extra}", [st, react]
    d.add(text, said)


def bg_strike(d: Draft, day: dt.date | None = None) -> None:
    w, rng = d.world, d.rng
    city = rng.choice(CITIES)
    count = rng.choice(("two", "three", "several", "at least four", "five"))
    title = f"Russia strikes {city} with missiles said to be North Korean"
    day, phrase, date = _when(d, title, day)
    eid = w.event(f"russia-strikes-{slugify(city)}", "strike", title,
                  f"Russia fired {count} missiles at {city}; Ukrainian officials said they were "
                  "North Korean.", date, ["russia", "ukraine", "north-korea"], day,
                  f"the missile strike on {city}")  # fmt: skip
    intro = fill(rng, "{Ru} [launched|fired] {count} missiles at {city} {when}[, damaging "
                 "homes and a power plant|, killing {num} people|, according to local officials|]"
                 ".", {**d.ctx, "count": count, "city": city, "when": phrase}).replace("  ", " ")
    if rng.random() < 0.4:
        governor = w.administration(city)
        label = f"The {governor.name}"
    else:
        governor = w.person("ukraine", (f"governor of the {city} region", None), 0.7)
        label = f"The governor of the {city} region"
    text, st = partial(d, "ua", governor, label, date, "not stated", eid, city=city)
    said = [st]
    if rng.random() < 0.55:
        ministry = w.actors["ukraine-foreign-ministry"]
        how = rng.choice((("in a statement", "statement"), ("on social media", "social media"),
                          ("", "not stated")))  # fmt: skip
        q = d.quote(ministry, "ua", date, how[1], eid, "the Ukrainian Foreign Ministry")
        text += f" “{q.text},” the Ukrainian Foreign Ministry said{' ' if how[0] else ''}{how[0]}."
        said.append(q)
    d.add(f"{intro} {text}", said)


def bg_past_summit(d: Draft, day: dt.date | None = None) -> None:
    w, rng = d.world, d.rng
    a = w.person("russia", w.role("russia", "President"), 0.95)
    b = w.person("north-korea", w.role("north-korea", "leader"), 0.95)
    place = rng.choice(MEETING_PLACES)
    title = f"{a.name} and {b.name} hold a summit in {place}"
    day, phrase, date = _when(d, title, day, low=30, high=420)
    eid = w.event(f"{slugify(a.short)}-{slugify(b.short)}-summit", "summit", title,
                  f"{a.name} and {b.name} met in {place}.", date,
                  [a.id, b.id, "russia", "north-korea"], day, f"the {place} summit")
    st = d.say(d.para("pledge_ru"), "paraphrase", a, who(w, a), date, "summit", eid,
               "pledge_ru", PARAPHRASE["pledge_ru"][0])  # fmt: skip
    d.add(sentence("At a summit in", place, phrase + ",", who(w, a), "and", who(w, b),
                   st.text).replace(" ,", ","), [st, d.twin(st, b, who(w, b))])
    for st in d.statements[-2:]:
        st.note = "The report gives the two leaders’ joint pledge; recorded once for each."


def bg_election(d: Draft, day: dt.date | None = None) -> None:
    w, rng = d.world, d.rng
    country = rng.choice(("russia", "south-korea", "japan", "united-states"))
    kind = {"japan": "general", "united-states": rng.choice(("presidential", "midterm"))}.get(
        country, rng.choice(("presidential", "parliamentary")))
    name = w.country(country)
    title = f"{name.name} holds a {kind} election"
    day, phrase, date = _when(d, title, day, low=10, high=200)
    eid = w.event(f"{country}-{kind}-election", "election", title,
                  f"{name.name} held a {kind} election.", date, [country], day,
                  f"{name.short}’s {kind} election")  # fmt: skip
    owner = "the US" if country == "united-states" else f"{name.short}’s"
    text = fill(rng, "The [remarks|comments|developments] came [days|weeks|some time] after "
                "{owner} {kind} election {when}[, which [opposition groups|observers] "
                "[criticised|questioned|disputed]|, a vote watched closely in {capital}|].",
                {**d.ctx, "owner": owner, "kind": kind, "when": phrase})  # fmt: skip
    d.add(text.replace("  ", " ").replace(" ,", ","), [], [eid])


def bg_unveil(d: Draft, day: dt.date | None = None) -> None:
    w, rng = d.world, d.rng
    thing = fill(rng, rng.choice(THINGS), {**d.ctx, "km": str(rng.randint(8, 150) * 100)})
    title = f"North Korea unveils what it says is {thing}"
    day, phrase, date = _when(d, title, day, low=5, high=150)
    eid = w.event("north-korea-unveils-weapon", "other", title,
                  f"Pyongyang unveiled what it says is {thing}.", date, ["north-korea"], day,
                  f"the unveiling of {thing}")  # fmt: skip
    label = rng.choice(("Pyongyang", "North Korea"))
    st = d.say(lambda: fill(rng, "what it [says is|claims is|calls|describes as|presented as] "
                            "{thing}[, the first of its kind|, a claim not yet verified|]",
                            {"thing": thing}),
               "paraphrase", w.country("north-korea"), label, date, "not stated", eid, "claim",
               ("deterrence", "non-proliferation"))  # fmt: skip
    lead = fill(rng, "{label} [is planning another weapons test|has stepped up its weapons "
                "programmes|is pressing ahead with its arsenal], having unveiled",
                {"label": label})  # fmt: skip
    d.add(sentence(lead, phrase, st.text), [st])


INTEL = (("united-states", "National Security Council spokesperson",
          "us-national-security-council"),
         ("united-states", "State Department spokesperson", "us-state-department"),
         ("ukraine", "military intelligence spokesperson", "ukraine-military-intelligence"),
         ("south-korea", "Foreign Ministry spokesperson", "south-korea-nis"))  # fmt: skip


def bg_intel(d: Draft, day: dt.date | None = None) -> None:
    """An earlier assessment that North Korea ships arms to Russia (an event of its own)."""
    w, rng = d.world, d.rng
    country, role, org_id = rng.choice(INTEL)
    if rng.random() < 0.35:
        speaker = w.person(country, (role, dict(ROLES[country]).get(role)))
        label = who(w, speaker)
    else:
        speaker = w.actors[org_id]
        label = f"the {speaker.short}"
    title = f"{speaker.name} says North Korea has shipped arms to Russia"
    day, phrase, date = _when(d, title, day, low=5, high=90)
    eid = w.event(f"{slugify(speaker.short)}-arms-assessment", "statement", title,
                  f"{cap(label)} said North Korea had shipped arms to Russia.", date,
                  [speaker.id, country, "north-korea", "russia"], day,
                  f"the {speaker.name} assessment of the arms deliveries")  # fmt: skip
    shown = cap(label) if not phrase else label
    venue = "not stated"
    st = d.vp("assess", speaker, shown, date, venue, eid)
    text = f"{cap(phrase)}, {shown} {st.text}" if phrase else f"{shown} {st.text}"
    if rng.random() < 0.5:
        venue = rng.choice(("briefing", "press conference", "interview"))
        st.venue = venue
        text += f", {rng.choice(('speaking at a', 'at a', 'in a'))} {venue}"
    text += "."
    said = [st]
    if rng.random() < 0.6:
        q = d.quote(speaker, rng.choice(("condemn", "monitor", "concern")), date, venue,
                    eid, speaker.short if speaker.kind == "person" else label)  # fmt: skip
        text += f" “{q.text},” {q.label} {rng.choice(('said', 'added', 'warned'))}."
        said.append(q)
        if speaker.kind == "person":
            d.pending_mention = speaker.id
    d.add(text, said)


def bg_sanctions(d: Draft, day: dt.date | None = None) -> None:
    """Sanctions on named companies (new organisations of the corpus)."""
    w, rng = d.world, d.rng
    country = rng.choice(("united-states", "south-korea", "japan", "united-kingdom"))
    org = w.actors["us-treasury" if country == "united-states" else SPOKES[country]]
    firms = [w.firm() for _ in range(rng.choice((1, 2, 2, 3)))]
    firms = list({f.id: f for f in firms}.values())
    names = listing([f.name for f in firms])
    title = f"{org.name} sanctions {names}"
    day, phrase, date = _when(d, title, day, low=3, high=150)
    eid = w.event(f"{org.id}-sanctions", "sanctions", title,
                  f"The {org.short} sanctioned {names} over arms transfers between North Korea "
                  "and Russia.", date, [org.id, country, *(f.id for f in firms)], day,
                  f"the {org.short}’s sanctions on {names}")  # fmt: skip
    st = d.vp("sanctions", org, f"the {org.short}", date, "not stated", eid)
    lead = f"{cap(phrase)}, the {org.short}" if phrase else f"The {org.short}"
    st.label = lead.rsplit(", ", 1)[-1]
    if len(firms) > 1:
        named = f"The companies named {rng.choice(('included', 'were', 'are'))} {names}."
    else:
        named = f"Among them was {names}."
    d.add(f"{lead} {st.text}. {named}", [st])


def bg_analyst(d: Draft, day: dt.date | None = None) -> None:
    """An outside view: a research centre or one of its analysts (often new to the corpus),
    on the report's main event."""
    w, rng = d.world, d.rng
    centre = w.centre()
    main = next(iter(d.event_refs), None)
    act = rng.choice(("concern", "assess", "violation"))
    if rng.random() < 0.45:
        _paper(d, centre, act, main)
        return
    how = rng.choice(((f"told {rng.choice(AGENCIES)}", "not stated"),
                      ("said in an interview", "interview"), ("wrote in a commentary",
                      "commentary"), ("said", "not stated")))  # fmt: skip
    if rng.random() < 0.65:
        _day, phrase, date = d.past(f"{centre.name} commentary", 1, 40, (0.5, 0.1, 0.4))
        how = (f"{how[0]} {phrase}".strip(), how[1])
    else:
        date = d.undated(how[0].split()[0])
    person = w.analyst(centre, rng.choice(("english", "korean", "european", "japanese")))
    role = rng.choice(("an analyst", "a researcher", "a senior fellow"))
    q = d.quote(person, rng.choice(("concern", "condemn")), date, how[1], main, person.name)
    text = f"“{q.text},” {person.name}, {role} at the {centre.name}, {how[0]}."
    said = [q]
    if rng.random() < 0.5:
        st = d.vp(act, person, person.short, date, how[1], main)
        text += f" {person.short} {st.text}."
        said.append(st)
        d.pending_mention = person.id
    d.add(text, said)


def _paper(d: Draft, centre: Actor, act: str, main: str | None) -> None:
    rng = d.rng
    paper, verb = rng.choice(("report", "paper")), rng.choice(("released", "published"))
    phrase = ""
    if rng.random() < 0.65:
        _day, phrase, date = d.past(f"{centre.name} {paper}", 1, 60, (0.5, 0.2, 0.3))
    else:
        date = d.undated(verb)
    st = d.vp(act, centre, f"The {centre.name}", date, paper, main)
    when = phrase or rng.choice(("recently", "this year", "this month"))
    d.add(sentence(f"The {centre.name} {st.text}, in a {paper} {verb}", when), [st])


def bg_ukraine(d: Draft, day: dt.date | None = None) -> None:
    """A Ukrainian official's words on the missiles (no event of its own)."""
    w, rng = d.world, d.rng
    person = w.person("ukraine", w.role("ukraine", "presidential adviser", "Foreign Minister"))
    if day is None:
        day, phrase, date = d.past(f"{person.name}’s remarks on North Korean missiles", 2, 30,
                                   (0.6, 0.1, 0.3))  # fmt: skip
    else:
        phrase, date = d.stated_date(day)
    label = f"Senior Ukrainian official {person.name}" if rng.random() < 0.5 else who(w, person)
    how = rng.choice((("said", "not stated"), ("wrote on X", "X"), ("said on television",
                      "television"), ("told reporters", "not stated")))  # fmt: skip
    st = d.say(d.direct("ua"), "partial", person, label, date, how[1], None, "ua",
               DIRECT["ua"][0])  # fmt: skip
    st.text = st.text[:1].lower() + st.text[1:]
    d.add(sentence(label, how[0], phrase, f"that “{st.text}.”").removesuffix("."), [st])


def bg_have_said(d: Draft, day: dt.date | None = None) -> None:
    """Two governments' standing position, undated ("have said")."""
    w, rng = d.world, d.rng
    c1, c2 = rng.choice(CALL_PAIRS)
    x, y = w.country(c1), w.country(c2)
    label = f"{cap(x.short)} and {y.short}"
    date = d.undated("have said")
    st = d.say(lambda: label + fill(rng, " have said they will [impose|tighten|widen] sanctions"
                                    " to [curb|check|counter] {nk_poss} [pursuit of weapons "
                                    "technologies|missile programme|arms exports to {ru}]",
                                    d.ctx), "paraphrase", x, label, date, "not stated", None,
               "sanctions", ("sanctions", "non-proliferation"))  # fmt: skip
    tail = fill(rng, "as [the isolated regime|{nk}] [looks for|seeks] [better satellites and "
                "submarines|new missile technology|Russian know-how]", d.ctx)
    d.add(f"{st.text}, {tail}.", [st, d.twin(st, y)])


def bg_reuse(d: Draft, day: dt.date | None = None) -> None:
    """An earlier report's event, mentioned again (events shared by reports)."""
    rng = d.rng
    earlier = [e for e in d.world.past_events[-400:] if e[0] < d.written - dt.timedelta(days=6)
               and e[1] not in d.event_refs]  # fmt: skip
    if not earlier:
        bg_launch(d, day)
        return
    _day, eid, mention = rng.choice(earlier)
    text = fill(rng, "The [latest remarks|move|news] [followed|came after|built on] {mention}"
                "[, which drew wide criticism| and a string of similar statements|].",
                {"mention": mention})  # fmt: skip
    d.add(text, [], [eid])


def denial(d: Draft) -> None:
    """Moscow and Pyongyang deny the accusations: both sides are indexed."""
    w, rng = d.world, d.rng
    l1 = rng.choice(("Moscow", "Russia"))
    l2 = rng.choice(("Pyongyang", "North Korea"))
    both = rng.choice(("both ", "have ", ""))
    verbs = "denied|rejected|dismissed" if both == "have " else "deny|reject|dismiss"
    date = d.undated(verbs.split("|")[0])
    template = f"{l1} and {l2} {both}[{verbs}] " + DENIAL
    st = d.say(lambda: fill(rng, template, d.ctx), "paraphrase", w.country("russia"), l1, date,
               "not stated", None, "deny", ("arms-transfers",))  # fmt: skip
    d.add(st.text + ".", [st, d.twin(st, w.country("north-korea"), l2)])


DENIAL = ("the [accusations|allegations|claims|reports] of [arms transfers|weapons deals|"
          "military supplies|arms shipments|ammunition sales][ as groundless| as baseless| as "
          "slander| as fabrications| made by {ally}|]")  # fmt: skip


def reaction(d: Draft, target: St) -> None:
    """North Korea's foreign ministry condemns the allies' statement (a `condemns` thread)."""
    rng = d.rng
    org = d.world.actors["north-korea-foreign-ministry"]
    st = d.say(lambda: fill(rng, "condemned the [statement|remarks|comments] as [a hostile act|"
                            "interference in its affairs|a smear campaign|an insult] [against|"
                            "aimed at] {nk}[ and {ru}|]", d.ctx), "paraphrase", org,
               "The North Korean Foreign Ministry", d.undated("condemned"), "not stated", None,
               "reaction", ("diplomacy",))  # fmt: skip
    st.answers.append((target, "condemns"))
    st.note = "The report does not say when the ministry spoke."
    d.add(f"The North Korean Foreign Ministry {st.text}.", [st])


def context(d: Draft) -> None:
    """A paragraph with no statement, as in the real reports."""
    main = next(iter(d.event_refs), None)
    text = fill(d.rng, "The [remarks|statement|talks] came amid [heightened|growing|renewed] "
                "concerns that military cooperation between {pair} could [bolster|aid|prolong] "
                "{ru_poss} [war effort|campaign|offensive] in Ukraine and [advance|accelerate|"
                "expand] {nk_poss} [weapons|missile|nuclear] programmes.", d.ctx)  # fmt: skip
    d.add(text, [], [main] if main else [])


# --- a whole report ---------------------------------------------------------------------------

OCCASIONS: tuple[tuple[Callable[[Draft], None], float], ...] = (
    (occasion_joint, 0.45), (occasion_spokes, 0.23), (occasion_call, 0.1),
    (occasion_meeting, 0.1), (occasion_action, 0.12),
)  # fmt: skip
Background = Callable[[Draft, "dt.date | None"], None]
BACKGROUNDS: tuple[tuple[Background, float], ...] = (
    (bg_intel, 0.2), (bg_launch, 0.14), (bg_strike, 0.14), (bg_past_summit, 0.05),
    (bg_election, 0.07), (bg_unveil, 0.08), (bg_ukraine, 0.08), (bg_have_said, 0.05),
    (bg_reuse, 0.06), (bg_analyst, 0.13), (bg_sanctions, 0.14),
)  # fmt: skip
STATED = (bg_launch, bg_strike, bg_unveil, bg_intel)
# The event kind each rarer occasion or background makes (to reach every kind early).
STEER: tuple[tuple[str, Callable[[Draft], None]], ...] = (
    ("call", occasion_call), ("meeting", lambda d: occasion_meeting(d, False)),
    ("summit", lambda d: occasion_meeting(d, True)), ("sanctions", _sanctions),
    ("veto", _veto), ("report", _report),
)  # fmt: skip
BACKGROUND_KINDS: tuple[tuple[str, Background], ...] = (
    ("launch", bg_launch), ("strike", bg_strike), ("election", bg_election),
    ("other", bg_unveil), ("summit", bg_past_summit),
)  # fmt: skip  # backgrounds that can state a full date
PARAGRAPHS = (8, 9, 10, 10, 11, 11, 12)  # the real five have 8 to 12


def pick(rng: random.Random, weighted: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([f for f, _ in weighted], [p for _, p in weighted])[0]


def build_report(world: World, index: int, written: dt.date) -> Draft:
    rng = world.rng
    pub = rng.choices(("day", "month", "year"), (0.2, 0.4, 0.4))[0]
    d = Draft(world, index, written, pub)
    anchor = None
    if pub != "day" and rng.random() < 0.45:
        day = written - dt.timedelta(days=rng.randint(9, 70))
        if day.year == written.year:
            anchor = day
            d.anchor = (day, full_us(day))
    missing = [make for kind, make in STEER if kind not in world.kinds]
    if missing and rng.random() < 0.35:  # every kind of event early on, even at small N
        rng.choice(missing)(d)
    else:
        pick(rng, OCCASIONS)(d)
    main = d.statements[0] if d.statements else None
    if anchor is not None:
        rng.choice(STATED)(d, anchor)
    target = rng.choice(PARAGRAPHS)
    closing = [denial] if rng.random() < 0.6 else []
    if rng.random() < 0.2:
        closing.append(context)
    while len(d.paras) < target - len(closing):
        missing_bg = [make for kind, make in BACKGROUND_KINDS if kind not in world.kinds]
        if missing_bg and rng.random() < 0.35:
            rng.choice(missing_bg)(d, None)
        else:
            pick(rng, BACKGROUNDS)(d, None)
    allied = main is not None and main.speaker.country not in ("russia", "north-korea")
    if main is not None and allied and rng.random() < 0.2:
        reaction(d, main)
    for step in closing:
        step(d)
    finish(d)
    return d


def finish(d: Draft) -> None:
    """Ids, threads, talking points and notes, once every paragraph is written."""
    w = d.world
    for st in d.statements:
        token = {"person": slugify(st.speaker.short), "group": "joint-statement"}.get(
            st.speaker.kind, "-".join(st.speaker.id.split("-")[:3]))
        base = f"{st.date['value']}-{token}-{slugify(st.text, 5)}"
        st.id = unique_id(base, w.statement_ids)
        if st.line is not None:
            value = st.date["value"]
            earlier = [i for i, v in st.line.said if not_later(v, value) and v != value]
            if earlier:
                st.answers.append((earlier[-1], "repeats"))
            st.line.statements.append(st.id)
            st.line.said.append((st.id, value))
    _threads(d)
    _statement_notes(d)
    _paragraph_notes(d)
    w.said.extend(Said(st.id, st.speaker.id, st.date["value"], st.act, d.index)
                  for st in d.statements)  # fmt: skip


ACCUSING = ("condemn", "violation", "assess", "ua", "np", "called", "concern")


def _threads(d: Draft) -> None:
    rng, w = d.rng, d.world
    accusing = [st for st in d.statements if st.act in ACCUSING]
    for st in d.statements:
        if st.act == "deny" and accusing:
            for target in accusing[: rng.choice((1, 1, 2, 3))]:
                st.answers.append((target, "denies"))
    first = d.statements[0].date["value"]
    assessed = [st for st in d.statements
                if st.act == "assess" and not_later(st.date["value"], first)]  # fmt: skip
    if assessed and d.statements[0].act == "condemn" and rng.random() < 0.7:
        d.statements[0].answers.append((assessed[0], "confirms"))
    earlier = [s for s in w.said[-300:] if s.act in ("demand", "assess", "condemn")]
    for st in d.statements:
        if st.act in ("demand", "condemn", "assess") and earlier and rng.random() < 0.3:
            old = rng.choice(earlier)
            if not_later(old.value, st.date["value"]):
                relation = "repeats" if old.speaker == st.speaker.id else "confirms"
                st.answers.append((old.id, relation))


def not_later(first: str, second: str) -> bool:
    """Whether date value `first` is not certainly after `second` (the validator's rule)."""
    depth = min(len(first), len(second))
    return first[:depth] <= second[:depth]


def _statement_notes(d: Draft) -> None:
    """Editors' notes as the real ones run: about half the statements have one, a third cite
    an outside source."""
    rng = d.rng
    for st in d.statements:
        refs = list(st.date.get("references", []))
        if st.note is None and refs and rng.random() < 0.35:
            st.note = "Synthetic note: the record cited for the date gives the same account."
            st.references = refs[:1]
        elif st.note is None and st.issued and rng.random() < 0.25:
            st.note = "Synthetic note: the issued text holds this passage (see the reference)."
            st.references = [st.issued["reference"]]
        elif st.note is None and rng.random() < 0.12:
            st.note = "Synthetic note: a wire copy of the report gives the same words."
            st.references = [d.wire_copy()]
        elif st.note is None and rng.random() < 0.1 and _named_otherwise(st):
            st.note = f"“{st.label}” is how the report names {st.speaker.name}."


def _named_otherwise(st: St) -> bool:
    """Whether the report names the speaker other than by its registry name."""
    def bare(name: str) -> str:
        return name.casefold().removeprefix("the ")
    return bare(st.label) != bare(st.speaker.name)


def _paragraph_notes(d: Draft) -> None:
    """Notes on paragraphs: synthetic defects of the text, and records that confirm it."""
    rng = d.rng
    for number, text in enumerate(d.paras, 1):
        pid = f"p{number}"
        if rng.random() < 0.07 and text.endswith("."):
            d.paras[number - 1] = text + " ."
            d.note("The paragraph ends with a stray “ .” after its final full stop.", pid)
        elif rng.random() < 0.08 and _doubled(d, number - 1):
            d.note("“the the” repeats a word; the text is kept as printed.", pid)
    for pid, record in list(d.records.items())[:2]:
        story = d.world.reference(f"Wire story: {record.title}", None,
                                  f"Synthetic fixture: an undated wire story on {record.title}.")
        d.note(f"The synthetic wire story “{record.title}” confirms the paragraph’s account.",
               pid, [story])  # fmt: skip


def _doubled(d: Draft, index: int) -> bool:
    """Doubles one "the" that no statement, label or declared quotation uses."""
    text = d.paras[index]
    pid = f"p{index + 1}"
    spans = [s.text for s in d.statements if s.paragraph == pid]
    spans += [s.label for s in d.statements if s.paragraph == pid]
    spans += [n["text"] for n in d.not_statements if n["paragraph"] == pid]
    spans += [s.venue for s in d.statements if s.venue in text]
    for match in re.finditer(r"(?<= )the (?=\w)", text):
        changed = text[: match.start()] + "the " + text[match.start() :]
        if all(span in changed for span in spans):
            d.paras[index] = changed
            return True
    return False


# --- the report page and its original ---------------------------------------------------------

PROMOS = ("{c} and {c2} sign a port cooperation deal", "Typhoon season forecast for {region}",
          "Markets rally as {c} cuts interest rates", "{c} unveils plan for new rail link",
          "Heavy rain disrupts flights across {region}", "{c} and {c2} agree on fishing quotas")
SOCIAL_BOTTOM = ("Exciting news! {outlet} is now on WhatsApp Channels  Subscribe today and stay "
                 "updated with the latest insights!")  # fmt: skip


@dataclass
class Original:
    lines: list[str] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    metadata: list[dict[str, Any]] = field(default_factory=list)

    def put(self, text: str, reason: str | None = None, meta: str | None = None,
            note: str | None = None) -> int:  # fmt: skip
        self.lines.append(text)
        number = len(self.lines)
        if reason:
            entry = {"line": number, "text": text, "reason": reason}
            self.removed.append({**entry, "note": note} if note else entry)
        if meta:
            self.metadata.append({"line": number, "text": text, "field": meta})
        self.lines.append("")
        return number

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def original(d: Draft, headline: str | None, dateline: str | None, outlet: str) -> Original:
    """The original as a news site prints it: headline, dateline, paragraphs, and in about
    two reports of five, boilerplate that the page lists as removed (the importer's rules)."""
    rng, out = d.rng, Original()
    noisy = rng.random() < 0.4
    if noisy and rng.random() < 0.6:
        out.put("WhatsApp Channel Join Now", "social-prompt")
        out.put("Telegram Group Join Now", "social-prompt")
    if headline:
        out.put(headline, meta="title")
    if dateline:
        out.put(dateline, meta="byline" if dateline.startswith("By ") else "published")
    if headline and noisy and rng.random() < 0.3:
        out.put(" ".join(headline.split()[: rng.randint(3, 6)]), "caption")
    promo = fill(rng, rng.choice(PROMOS), {"c": [c[1] for c in COUNTRIES[6:]],
                                          "c2": [c[1] for c in COUNTRIES[6:]]})
    for index, para in enumerate(d.paras):
        line = out.put(para)
        if noisy and index == 0 and rng.random() < 0.3:
            out.put(para, "duplicate", note=f"repeats line {line}")
            d.note(f"The original prints its first paragraph twice (line {line + 2} repeats "
                   f"line {line}); the repeat is listed under removed as a duplicate.")
        if noisy and rng.random() < 0.5:
            out.put("Advertisement", "advertising")
        if noisy and index == len(d.paras) // 2 and rng.random() < 0.6:
            note = "A link to another article on the same site; not part of the report."
            out.put(f"Read also | {promo}", "promo", note=note)
    if noisy and rng.random() < 0.7:
        out.put(SOCIAL_BOTTOM.format(outlet=outlet), "social-prompt")
        out.put("Leave a Comment", "comment-prompt")
    return out


def published(d: Draft, outlet: str) -> tuple[dict[str, Any], str | None, str | None]:
    """The publication date, the dateline line of the original (if any) and the byline."""
    w, rng, day = d.world, d.rng, d.written
    if d.pub == "day":
        stamp = f"{MON_ABBR[day.month - 1]} {day.day}, {day.year} - {rng.randint(6, 22):02d}:" \
                f"{rng.randint(0, 59):02d}"  # fmt: skip
        byline = None
        if rng.random() < 0.85:
            given, family = NAMES[rng.choice(("english", "korean", "european"))]
            byline = f"{rng.choice(given)} {rng.choice(family)}"
        line = f"By {byline} Published : {stamp}" if byline else f"Published : {stamp}"
        return date_entry(day.isoformat(), "stated", f"The dateline reads '{stamp}'."), line, byline
    shown = month_display(day) if d.pub == "month" else str(day.year)
    ref = w.reference(f"{outlet} archive listing for {shown}", value_of(day, d.pub),
                      f"Synthetic fixture: files the report under {shown}.")  # fmt: skip
    note = (f"The text has no dateline; the synthetic archive listing of {outlet} files it "
            f"under {shown}, and no more precisely.")  # fmt: skip
    return date_entry(value_of(day, d.pub), "external", note, [ref]), None, None


def front_matter(d: Draft, rid: str, meta: tuple[str, str, dict[str, Any], str | None],
                 source: tuple[str, Original]) -> dict[str, Any]:  # fmt: skip
    title_source, outlet, pub, byline = meta
    name, orig = source
    fm: dict[str, Any] = {
        "id": rid, "status": "ready", "title": d.title.replace("&", "&amp;"),
        "title_source": title_source, "outlet": outlet,
        "outlet_note": "Synthetic fixture: an invented outlet; the report was generated for "
                       "benchmarking and reports nothing that happened.",
        "byline": byline, "published": pub, "url": f"{HOST}/reports/{rid}/",
        "source_file": name,
    }  # fmt: skip
    if d.references:
        fm["references"] = d.references
    if d.mentions:
        fm["mentions"] = [{"actor": a, "paragraphs": p} for a, p in d.mentions.items()]
    fm.update(metadata_lines=orig.metadata, removed=orig.removed, notes=d.notes,
              events=[{"id": e, "paragraphs": p} for e, p in d.event_refs.items()],
              statements=[statement_entry(st) for st in d.statements],
              not_statements=d.not_statements)  # fmt: skip
    return fm


def statement_entry(st: St) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": st.id, "text": st.text, "kind": st.kind, "speaker": st.speaker.id,
        "speaker_label": st.label, "on_behalf_of": list(st.speaker.behalf), "date": st.date,
        "venue": st.venue, "paragraph": st.paragraph, "event": st.event, "topics": st.topics,
    }  # fmt: skip
    if st.note:
        out["note"] = st.note
    if st.references:
        out["references"] = st.references
    if st.issued:
        out["issued"] = st.issued
    answers = [(t if isinstance(t, str) else t.id, r) for t, r in st.answers]
    if answers:
        out["responds_to"] = [{"statement": t, "relation": r} for t, r in dict(answers).items()]
    return out


PAGE_HEADER = (
    "# Synthetic report page of the DPRK–Russia Dossier, written by scripts/synth.py for\n"
    "# benchmarking: an invented report in the layout `dossier import` writes.\n"
)


# A small YAML writer for the generator's own data: PyYAML's representer is pure Python and
# took half the generation time. Strings are double-quoted as JSON writes them (a subset of
# YAML's double-quoted style) unless they are plain words; small mappings and lists of
# words go in flow style, as editors write dates (`date: {value: "2024-01", …}`).
_PLAIN = re.compile(r"^[a-z][a-z0-9-]*$")
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
FLOW_KEYS = frozenset({"date", "published", "issued"})


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


def to_yaml(value: Any, indent: str = "") -> str:
    """`value` (mappings, lists, strings, numbers, None) as block YAML."""
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, dict) and item:
                body = to_yaml(item, indent + "  ")
                out.append(f"{indent}- {body[len(indent) + 2 :]}")
            else:
                out.append(f"{indent}- {_flow(item)}\n")
        return "".join(out)
    out = []
    for key, item in value.items():
        if isinstance(item, dict) and item and key not in FLOW_KEYS:
            out.append(f"{indent}{key}:\n{to_yaml(item, indent + '  ')}")
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            out.append(f"{indent}{key}:\n{to_yaml(item, indent)}")
        else:
            out.append(f"{indent}{key}: {_flow(item)}\n")
    return "".join(out)


def page(rid: str, fm: dict[str, Any], paragraphs: Sequence[str]) -> str:
    out = ["---\n", PAGE_HEADER, to_yaml(fm), "---\n\n"]
    out.append(markdown.include(urls.include_section(rid, "header")) + "\n\n")
    for number, para in enumerate(paragraphs, 1):
        out.append(f"{md_inline(para)}\n\n")
        out.append(markdown.include(urls.include_section(rid, f"p{number}")) + "\n\n")
    out.append(markdown.include(urls.include_section(rid, "footer")) + "\n")
    return "".join(out)


def write_report(d: Draft, root: Path) -> None:
    rng, w = d.rng, d.world
    outlet = rng.choice(OUTLETS)
    pub, dateline, byline = published(d, outlet)
    has_headline = dateline is not None or rng.random() < 0.5
    prefix = pub["value"]
    rid = unique_id(f"{prefix}-{slugify(d.title.replace('–', ' '), 7)}", w.report_ids)
    if rng.random() < 0.6:
        d.references.append(w.reference(f"{d.title} ({outlet})", pub["value"],
                                        "Synthetic fixture: the report's own page."))
    if rng.random() < 0.4:
        mirror = rng.choice(MIRRORS)
        ref = w.reference(f"Copy of “{d.title}” on {mirror}", None,
                          "Synthetic fixture: an undated copy of the report's text.")
        d.note(f"The same text is on a page of {mirror} that shows no date; it is not known to "
               "be the original address.", refs=[ref])  # fmt: skip
        d.references.append(ref)
    d.notes.insert(0, {"text": f"Synthetic fixture: report {d.index + 1} of a corpus generated "
                       "by scripts/synth.py; its outlet, people, quotations and dates are "
                       "invented for benchmarking."})  # fmt: skip
    orig = original(d, d.title if has_headline else None, dateline, outlet)
    digest = hashlib.sha256(orig.text.encode()).hexdigest()[:12]
    name = f"synth-{d.index + 1:05d}-{digest}.txt"
    (root / "sources" / name).write_text(orig.text, encoding="utf-8")
    meta = ("report" if has_headline else "editor", outlet, pub, byline)
    fm = front_matter(d, rid, meta, (name, orig))
    (root / "docs" / "reports" / f"{rid}.md").write_text(page(rid, fm, d.paras), "utf-8")


# --- the project ------------------------------------------------------------------------------


def hand_written() -> tuple[str, ...]:
    """The site's hand-written files, as tests/conftest.py lists them (HAND_WRITTEN), read
    without importing the test suite."""
    tree = ast.parse((REPO / "tests" / "conftest.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "HAND_WRITTEN" for t in node.targets
        ):
            return tuple(ast.literal_eval(node.value))
    raise RuntimeError("tests/conftest.py has no HAND_WRITTEN list")


def copy_site(root: Path) -> None:
    """What `tests/conftest.make_project` copies besides the corpus: the hand-written pages,
    assets and template, mkdocs.yml, and the data files that are not the corpus's registries
    (the glossary, the quality figures)."""
    for rel in hand_written():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, root / rel)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "data").mkdir(exist_ok=True)
    for path in sorted((REPO / "data").iterdir()):
        if path.is_file() and path.name not in WRITTEN_DATA:
            shutil.copy2(path, root / "data" / path.name)


REGISTRY_HEADERS = {
    "actors": "Actors of the synthetic corpus: real countries and institutions, invented "
              "people, news agencies and joint-statement groups.",
    "events": "Events of the synthetic corpus (invented, for benchmarking).",
    "references": "Outside sources of the synthetic corpus: invented records on example.org, "
                  "a reserved host.",
    "talking_points": "Talking points of the synthetic corpus: lines its invented speakers "
                      "repeat.",
}  # fmt: skip


def write_registry(root: Path, name: str, items: list[dict[str, Any]]) -> None:
    header = f"# {REGISTRY_HEADERS[name]} Written by scripts/synth.py.\n\n"
    body = to_yaml(items) if items else "[]\n"
    (root / "data" / f"{name}.yml").write_text(header + body, encoding="utf-8")


def report_days(rng: random.Random, count: int) -> list[dt.date]:
    span = (LAST_DAY - FIRST_DAY).days
    return sorted(FIRST_DAY + dt.timedelta(days=rng.randint(0, span)) for _ in range(count))


def make_corpus(root: Path, reports: int, seed: int = 2026) -> SynthSummary:
    """Write a complete, fresh project with `reports` synthetic reports at `root` (which
    must not exist or be empty). The same seed gives the same bytes."""
    if reports < 1:
        raise ValueError("reports must be at least 1")
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty")
    for folder in ("docs/reports", "sources", "data"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    copy_site(root)
    world = World(random.Random(f"dossier-synth-{seed}"))
    paragraphs = statements = 0
    for index, written in enumerate(report_days(world.rng, reports)):
        draft = build_report(world, index, written)
        write_report(draft, root)
        paragraphs += len(draft.paras)
        statements += len(draft.statements)
    lines = [ln for ln in world.all_lines if len(ln.statements) >= 2]
    talking = [{"id": ln.id, "text": ln.text, "statements": ln.statements} for ln in lines]
    actors = [a.entry() for a in world.actors.values()]
    write_registry(root, "actors", actors)
    write_registry(root, "events", world.events)
    write_registry(root, "references", world.references)
    write_registry(root, "talking_points", talking)
    (root / "data" / "published.txt").write_text(PUBLISHED_HEADER, encoding="utf-8")
    return SynthSummary(reports, statements, len(world.events), len(actors), paragraphs,
                        len(world.references), len(talking), seed)  # fmt: skip


# --- proportions ------------------------------------------------------------------------------


def read_project(root: Path) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Each report page's front matter (with its paragraphs' words under "_paragraphs"), in
    order of publication, and the registries."""
    pages = []
    for path in sorted((root / "docs" / "reports").glob("*.md")):
        if path.name == "index.md":
            continue
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        fm = yaml.load(head, Loader=yamlio.SAFE_LOADER)
        blocks = [b for b in body.split("\n\n") if b.strip() and not b.strip().startswith("--8<--")]
        fm["_paragraphs"] = [len(b.split()) for b in blocks]
        pages.append(fm)
    pages.sort(key=lambda fm: (str(fm["published"]["value"]), fm["id"]))
    registries = {}
    for name in ("actors", "events", "references", "talking_points"):
        path = root / "data" / f"{name}.yml"
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=yamlio.SAFE_LOADER)
        registries[name] = loaded if path.exists() and loaded else []
    return pages, registries


def _share(items: Sequence[Any], test: Callable[[Any], bool]) -> float:
    return sum(1 for i in items if test(i)) / len(items) if items else 0.0


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def measure(root: Path) -> dict[str, float]:
    """The corpus's proportions (the figures of the table in this module's docstring)."""
    pages, regs = read_project(root)
    kinds = {a["id"]: a["kind"] for a in regs["actors"]}
    events = {e["id"]: e for e in regs["events"]}
    said = [s for fm in pages for s in fm["statements"]]
    issued = [s["issued"] for s in said if s.get("issued")]
    out = {
        "reports": float(len(pages)),
        "paragraphs per report": _mean([len(fm["_paragraphs"]) for fm in pages]),
        "words per paragraph": _mean([n for fm in pages for n in fm["_paragraphs"]]),
        "statements per report": len(said) / len(pages),
        "responds_to per statement": sum(len(s.get("responds_to", [])) for s in said) / len(said),
        "topics per statement": _mean([len(s["topics"]) for s in said]),
        "issued that differ": _share(issued, lambda i: i["differs"]),
        "event refs per report": _mean([len(fm["events"]) for fm in pages]),
        "notes per report": _mean([len(fm["notes"]) for fm in pages]),
        "notes on a paragraph": _share([n for fm in pages for n in fm["notes"]],
                                       lambda n: bool(n.get("paragraph"))),
        "removed lines per report": _mean([len(fm["removed"]) for fm in pages]),
        "reports with removed lines": _share(pages, lambda fm: bool(fm["removed"])),
        "not_statements per report": _mean([len(fm["not_statements"]) for fm in pages]),
        "references per report": len(regs["references"]) / len(pages),
        "talking point members per statement": sum(
            len(t["statements"]) for t in regs["talking_points"]) / len(said),
    }  # fmt: skip
    out.update(_shares(said, pages, regs["events"], kinds))
    out.update(_actor_figures(pages, events))
    return out


def _shares(said: list[dict[str, Any]], pages: list[dict[str, Any]],
            events: list[dict[str, Any]], kinds: dict[str, str]) -> dict[str, float]:  # fmt: skip
    """The shares of the table: statements by kind, date, basis, speaker; events by kind and
    date; reports by the precision of their date."""
    size = {"day": 10, "month": 7, "year": 4}
    dates = [(len(str(s["date"]["value"])), s["date"]["basis"]) for s in said]
    out: dict[str, float] = {}
    for kind in ("direct", "partial", "paraphrase"):
        out[f"kind {kind}"] = _share([s["kind"] for s in said], kind.__eq__)
    for precision in ("day", "month", "year"):
        out[f"statement date {precision}"] = _share([n for n, _ in dates], size[precision].__eq__)
        out[f"published {precision}"] = _share(
            [len(str(fm["published"]["value"])) for fm in pages], size[precision].__eq__)
    for basis in ("inferred", "external"):
        out[f"statement basis {basis}"] = _share([b for _, b in dates], basis.__eq__)
    for key, field_ in (("with an event", "event"), ("with a note", "note"),
                        ("with references", "references"), ("with issued wording", "issued")):
        out[f"statements {key}"] = _share([bool(s.get(field_)) for s in said], True.__eq__)
    out["statements venue not stated"] = _share([s["venue"] for s in said], "not stated".__eq__)
    for kind in ("organization", "group", "person", "country"):
        out[f"speaker {kind}"] = _share([kinds.get(s["speaker"]) for s in said], kind.__eq__)
    out["event kind statement"] = _share([e["kind"] for e in events], "statement".__eq__)
    shapes = [(len(str(e["date"]["value"])), e["date"]["basis"]) for e in events]
    for precision, basis in (("day", "external"), ("day", "inferred"), ("month", "external"),
                             ("day", "stated")):
        out[f"event date {precision} {basis}"] = _share(shapes, (size[precision], basis).__eq__)
    return out


def _actor_figures(pages: list[dict[str, Any]], events: dict[str, Any]) -> dict[str, float]:
    """Actors per report, and how many are new (first seen in that report) once the corpus
    is under way (over its later 60%)."""
    seen: set[str] = set()
    per_report, new = [], []
    later = len(pages) - int(len(pages) * 0.6)
    for index, fm in enumerate(pages):
        ids = {m["actor"] for m in fm.get("mentions", [])}
        for s in fm["statements"]:
            ids.add(s["speaker"])
            ids.update(s["on_behalf_of"])
        for ref in fm["events"]:
            ids.update(events[ref["id"]]["actors"])
        per_report.append(len(ids))
        if index >= later:
            new.append(len(ids - seen))
        seen |= ids
    return {"actors per report": _mean(per_report), "new actors per report": _mean(new)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic dossier project.")
    parser.add_argument("--reports", type=int, required=True, help="how many reports")
    parser.add_argument("--seed", type=int, default=2026, help="the seed (default 2026)")
    parser.add_argument("dir", type=Path, help="the project folder (new or empty)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        summary = make_corpus(args.dir, args.reports, args.seed)
    except (FileExistsError, ValueError) as exc:
        print(f"synth: {exc}", file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(f"synth: wrote {args.dir}: {summary} in {took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
