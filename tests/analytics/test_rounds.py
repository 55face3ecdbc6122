"""Change between rounds, on a three-round programme worked out by hand, and the one-round case."""

import itertools
import json
import shutil

import networkx as nx
import pytest

import labkit
from conftest import DATA, make_programme
from labkit import analytics as A
from labkit.cli import main

ORGS = {"a": "gov", "b": "biz", "c": "ngo", "d": "gov", "e": "biz"}


def three_rounds():
    """Round 1: a, b, c at one table. Round 2: a, b, d at one table, d and e at another.
    Round 3 (no end date): a and e. Commitment c1 raised in round 1, completed in round 2;
    c2 raised in round 2, stalled in round 3."""
    src = "import"
    sessions = [("s1", "r1", "2025-03"), ("s2", "r2", "2026-03"), ("s3", "r2", "2026-04"), ("s4", "r3", "2027-03")]
    seats = {"s1": "abc", "s2": "abd", "s3": "de", "s4": "ae"}
    return make_programme(
        rounds=[{"id": "r1", "name_nl": "Ronde 1", "name_en": "Round 1", "start": "2025-01-01",
                 "end": "2025-06-30", "source": src},
                {"id": "r3", "name_nl": "Ronde 3", "name_en": "Round 3", "start": "2027-01-01", "source": src},
                {"id": "r2", "name_nl": "Ronde 2", "name_en": "Round 2", "start": "2026-01-01",
                 "end": "2026-06-30", "source": src}],
        organisations=[{"id": o, "name": o.upper(), "sector": s, "source": src} for o, s in ORGS.items()],
        participants=[{"id": f"p{o}", "consent_named": False, "organisation_id": o, "role": "participant",
                       "source": src} for o in ORGS],
        sessions=[{"id": s, "theme_id": "t", "kind": "focustafel", "order": 1, "month": m, "title_nl": s,
                   "round_id": r, "source": src} for s, r, m in sessions],
        attendance=[{"session_id": s, "participant_id": f"p{o}", "role": "participant", "source": src}
                    for s, who in seats.items() for o in who],
        commitments=[{"id": c, "theme_id": "t", "kind": "idea", "title_nl": c, "title_en": c, "session_id": s,
                      "source": src} for c, s in (("c1", "s1"), ("c2", "s2"))],
        commitment_updates=[{"commitment_id": c, "date": d, "status": st, "progress": pr, "source": src}
                            for c, d, st, pr in (("c1", "2025-04-01", "proposed", 0),
                                                 ("c1", "2026-05-01", "completed", 100),
                                                 ("c2", "2026-03-15", "planned", 0),
                                                 ("c2", "2027-02-01", "stalled", 10))])


@pytest.fixture(scope="module")
def change():
    return A.round_change(three_rounds())


def test_rounds_come_in_the_order_of_their_start(change):
    assert [r["id"] for r in change["rounds"]] == ["r1", "r2", "r3"]
    r1, r2, r3 = change["rounds"]
    assert (r1["organisations"], r2["organisations"], r3["organisations"]) == (3, 4, 2)
    assert r1["coverage"] == 1.0 and r2["coverage"] == pytest.approx(2 / 3)
    assert r2["sectors"] == ["gov", "biz"]
    assert (r1["coattendance_ties"], r2["coattendance_ties"], r3["coattendance_ties"]) == (3, 4, 1)
    assert r1["commitments_raised"] == ["c1"] and r2["commitments_raised"] == ["c2"]


def test_who_came_back(change):
    o = change["steps"][0]["organisations"]
    assert (o["retained"], o["new"], o["gone"]) == (2, 2, 1)
    assert (o["retained_ids"], o["new_ids"], o["gone_ids"]) == (["a", "b"], ["d", "e"], ["c"])
    assert o["retained_share"] == pytest.approx(2 / 3) and o["new_share"] == 0.5
    assert o["by_sector"] == {"gov": {"retained": 1, "new": 1, "gone": 0},
                              "biz": {"retained": 1, "new": 1, "gone": 0},
                              "ngo": {"retained": 0, "new": 0, "gone": 1}}
    assert change["steps"][0]["people"]["retained"] == 2
    assert change["steps"][0]["sectors"] == {"appeared": [], "disappeared": ["ngo"]}
    last = change["first_to_last"]["organisations"]
    assert (last["retained_ids"], last["new_ids"], last["gone_ids"]) == (["a"], ["e"], ["b", "c"])


def test_ties_formed_kept_dissolved(change):
    co = change["steps"][0]["coattendance"]
    # before {ab, ac, bc}; after {ab, ad, bd, de}
    assert (co["formed"], co["kept"], co["dissolved"]) == (3, 1, 2)
    assert co["jaccard"] == pytest.approx(1 / 6)  # ab of ab, ac, bc, ad, bd, de
    assert co["cross_sector_share_formed"] == pytest.approx(2 / 3)  # ad is inside gov
    assert co["cross_sector_share_kept"] == 1.0
    assert change["steps"][1]["coattendance"] == {
        "formed": 1, "kept": 0, "dissolved": 4, "jaccard": 0.0,
        "cross_sector_share_formed": 1.0, "cross_sector_share_kept": None}


def test_ei_per_round_is_the_ei_index_of_the_rounds_network(change):
    assert [r["ei_index"] for r in change["rounds"]] == [1.0, 0.5, 1.0]
    H = nx.Graph([("a", "b"), ("a", "d"), ("b", "d"), ("d", "e")])
    nx.set_node_attributes(H, ORGS, "sector")
    assert A.ei_index(H, attr="sector") == change["rounds"][1]["ei_index"]


def test_commitments_carried_completed_stalled(change):
    first, second = (s["commitments"] for s in change["steps"])
    assert first == {"new": 1, "carried_over": 1, "completed": ["c1"], "stalled": []}
    assert second == {"new": 0, "carried_over": 1, "completed": [], "stalled": ["c2"]}
    # first to last: what was open when the last round began, and what was done since the first
    assert change["first_to_last"]["commitments"] == {"new": 0, "carried_over": 1, "completed": ["c1"],
                                                      "stalled": ["c2"]}


def test_a_theme_of_its_own_and_sessions_without_a_round():
    p = three_rounds()
    s = p.sessions.copy()
    s.loc[s["id"] == "s4", "round_id"] = None
    change = A.round_change(p.replace(sessions=s), theme="t")
    assert change["unassigned_sessions"] == ["s4"] and change["rounds"][2]["organisations"] == 0
    assert A.round_change(p, theme="other")["rounds"][0]["organisations"] == 0


def test_one_round_is_the_programme_itself():
    p = labkit.load(DATA)
    change = A.round_change(p)
    assert [r["id"] for r in change["rounds"]] == [None] and change["steps"] == []
    assert change["rounds"][0]["organisations"] == len(
        set(p.participants.set_index("id").loc[p.attendance["participant_id"], "organisation_id"].dropna()))
    assert A.format_round_change(change, "en") == "One round: the programme has no rounds to compare (yet)."


def test_analyse_rounds_on_the_command_line(tmp_path, capsys):
    folder = tmp_path / "drie"
    three_rounds().save(folder)
    assert main(["analyse", "--data", str(folder), "--rounds", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Round 1 → Round 2:" in out and "organisations: 2 came back (67%), 2 new, 1 gone" in out
    assert "ties at the table: 3 formed, 1 kept, 2 dissolved (Jaccard 0.17)" in out
    assert "Round 1 → Round 3:" in out  # first to last
    assert main(["analyse", "--data", str(folder), "--rounds", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["steps"][0]["coattendance"]["kept"] == 1 and data["rounds"][0]["start"] == "2025-01-01"


def test_a_package_from_before_rounds_still_reads_and_means_the_same(tmp_path):
    old = tmp_path / "old"
    shutil.copytree(DATA, old)
    desc = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"] = [r for r in desc["resources"] if r["name"] != "rounds"]
    for r in desc["resources"]:
        for f in r["schema"]["fields"]:  # and from before the source 'planned' came
            if f["name"] == "source":
                f["constraints"]["pattern"] = f["constraints"]["pattern"].replace("|planned)$", ")$")
        if r["name"] == "sessions":
            r["schema"]["fields"] = [f for f in r["schema"]["fields"] if f["name"] != "round_id"]
            r["schema"]["foreignKeys"] = [k for k in r["schema"]["foreignKeys"] if k["fields"] != "round_id"]
    (old / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2), encoding="utf-8")
    (old / "rounds.csv").unlink()
    lines = (old / "sessions.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    i = header.index("round_id")
    (old / "sessions.csv").write_text("\n".join(",".join(c for j, c in enumerate(line.split(",")) if j != i)
                                                for line in lines) + "\n", encoding="utf-8")
    assert "round_id" not in (old / "sessions.csv").read_text(encoding="utf-8")
    assert "planned" not in (old / "datapackage.json").read_text(encoding="utf-8").replace('"planned"', "")
    before, now = labkit.load(old), labkit.load(DATA)
    for name, df in now.tables.items():
        assert before.tables[name].equals(df), name
    assert A.headline(before) == A.headline(now)


def test_gexf_holds_the_rounds_as_intervals_that_networkx_reads_back(tmp_path):
    from labkit.interop.export import read_graph, write_gexf, write_graphml
    p = three_rounds()
    G = p.graph
    assert G.nodes["session:s2"]["round"] == "r2"
    assert (G.nodes["session:s2"]["start"].isoformat(), G.nodes["session:s2"]["end"].isoformat()) == (
        "2026-01-01", "2026-06-30")
    assert G.nodes["org:a"]["start"].isoformat() == "2025-01-01" and "end" not in G.nodes["session:s4"]
    assert G.edges["person:pd", "session:s3", "attended"]["start"].isoformat() == "2026-01-01"
    path = tmp_path / "drie.gexf"
    write_gexf(G, path)
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    R = nx.read_gexf(path)
    assert (R.nodes["session:s1"]["start"], R.nodes["session:s1"]["end"]) == ("2025-01-01", "2025-06-30")
    assert R.nodes["org:c"]["start"] == "2025-01-01" and R.nodes["org:c"]["end"] == "2025-06-30"
    back = read_graph(path)
    assert back.nodes["session:s2"]["start"] == G.nodes["session:s2"]["start"]
    assert back.nodes["session:s2"]["round"] == "r2"
    write_graphml(G, tmp_path / "drie.graphml")  # GraphML keeps the round as an attribute
    assert read_graph(tmp_path / "drie.graphml").nodes["session:s3"]["round"] == "r2"


def test_one_round_adds_no_time_to_the_graph():
    G = labkit.load(DATA).graph
    assert not any("start" in d or "round" in d for _, d in G.nodes(data=True))


def brute_force(p):
    """Per round, the organisations and the co-attendance ties, counted the plain way."""
    org_of = dict(zip(p.participants["id"], p.participants["organisation_id"]))
    round_of = dict(zip(p.sessions["id"], p.sessions["round_id"]))
    at = {}
    for s, person in zip(p.attendance["session_id"], p.attendance["participant_id"]):
        at.setdefault(s, set()).add(org_of[person])
    orgs, ties = {}, {}
    for s, present in at.items():
        r = round_of[s]
        orgs.setdefault(r, set()).update(present)
        ties.setdefault(r, set()).update(itertools.combinations(sorted(present), 2))
    return orgs, ties


@pytest.mark.parametrize("seed", [0, 1])
def test_synthetic_rounds_against_a_brute_force_count(seed):
    from labkit.data import synth
    p = synth.rounds_programme(300, rounds=3, p_return=0.6, p_join=0.25, p_stay=0.5, seed=seed)
    assert (p.tables["rounds"]["source"] == "synthetic").all() and p.is_illustrative
    change = A.round_change(p)
    orgs, ties = brute_force(p)
    ids = [r["id"] for r in change["rounds"]]
    assert ids == ["ronde-1", "ronde-2", "ronde-3"]
    for (a, b), step in zip(zip(ids, ids[1:]), change["steps"]):
        o = step["organisations"]
        assert o["retained_ids"] == sorted(orgs[a] & orgs[b]) and o["new_ids"] == sorted(orgs[b] - orgs[a])
        assert o["gone"] == len(orgs[a] - orgs[b])
        co = step["coattendance"]
        assert (co["formed"], co["kept"], co["dissolved"]) == (
            len(ties[b] - ties[a]), len(ties[a] & ties[b]), len(ties[a] - ties[b]))
        assert co["jaccard"] == len(ties[a] & ties[b]) / len(ties[a] | ties[b])
        # the generator's rates come back: 60% return, 75 of 300 join
        assert 0.5 < o["retained_share"] < 0.7 and o["new"] == 75
    assert [r["coattendance_ties"] for r in change["rounds"]] == [len(ties[r]) for r in ids]


def test_keeping_tables_keeps_ties():
    from labkit.data import synth
    kept = [A.round_change(synth.rounds_programme(300, p_return=1.0, p_join=0.0, p_stay=stay, seed=3))
            ["steps"][0]["coattendance"]["jaccard"] for stay in (0.0, 1.0)]
    assert kept[1] == 1.0 and kept[0] < 0.3  # all stay: every tie kept; none stay: most dissolve


def test_labkit_synth_writes_a_two_round_example_that_says_it_is_synthetic(tmp_path, capsys):
    folder = tmp_path / "twee-rondes"
    assert main(["synth", str(folder), "--rounds", "2", "--organisations", "30"]) == 0
    p = labkit.load(folder)
    assert len(p.tables["rounds"]) == 2 and set(p.attendance["source"]) == {"synthetic"}
    capsys.readouterr()
    assert main(["analyse", "--data", str(folder), "--rounds"]) == 0
    out = capsys.readouterr().out
    assert "Ronde 1 (synthetisch) → Ronde 2 (synthetisch):" in out
    assert out.rstrip().endswith("LET OP: deze gegevens bevatten illustratieve of synthetische rijen: geen feiten.")
    assert main(["synth", str(folder)]) == 2  # not an empty folder: refused, nothing written
    assert "not an empty folder" in capsys.readouterr().err


def seated_rounds(seating: dict, collaborations=()):
    """``seating``: round id -> list of tables (strings of organisation ids, one person each)."""
    src = "import"
    sessions, seats = [], {}
    for k, (rid, tables) in enumerate(seating.items(), start=1):
        for j, who in enumerate(tables):
            sid = f"{rid}-{j}"
            sessions.append({"id": sid, "theme_id": "t", "kind": "focustafel", "order": 1,
                             "month": f"{2024 + k}-03", "title_nl": sid, "round_id": rid, "source": src})
            seats[sid] = who
    return make_programme(
        rounds=[{"id": rid, "name_nl": rid, "name_en": rid, "start": f"{2024 + k}-01-01", "source": src}
                for k, rid in enumerate(seating, start=1)],
        organisations=[{"id": o, "name": o.upper(), "sector": s, "source": src} for o, s in ORGS.items()],
        participants=[{"id": f"p{o}", "consent_named": False, "organisation_id": o, "role": "participant",
                       "source": src} for o in ORGS],
        sessions=sessions,
        attendance=[{"session_id": s, "participant_id": f"p{o}", "role": "participant", "source": src}
                    for s, who in seats.items() for o in who],
        collaborations=[{"id": f"col{i}", "from_organisation_id": f, "to_organisation_id": to,
                         "session_id": s, "kind": "intent", "source": src}
                        for i, (f, to, s) in enumerate(collaborations)])


def test_brokers_who_stayed_and_communities_matched():
    # a bridges two tables in rounds 1 and 2; d bridges them in round 3
    p = seated_rounds({"r1": ["abc", "ade"], "r2": ["abc", "ade"], "r3": ["dab", "dce"]},
                      collaborations=[("b", "a", "r1-0"), ("a", "d", "r1-1"),
                                      ("b", "a", "r2-0"), ("a", "d", "r2-1"), ("c", "d", "r3-1")])
    first, second = A.round_positions(p, top=1)
    assert first["betweenness"] == {"before": ["a"], "after": ["a"], "stayed": ["a"], "stayed_names": ["A"],
                                    "overlap": 1.0}
    assert second["betweenness"]["after"] == ["d"] and second["betweenness"]["stayed"] == []
    assert first["brokerage"]["stayed"] == ["a"]  # b -> a -> d in both rounds
    assert second["brokerage"]["after"] == []  # round 3 has one collaboration tie: no two-path, no broker
    assert first["communities"]["mean_jaccard"] == 1.0  # the same seating, the same communities
    assert all(m["jaccard"] == 1.0 for m in first["communities"]["matches"])
    assert second["communities"]["mean_jaccard"] < 1.0


def test_community_matching_equals_comparing_every_pair():
    import random

    from labkit.analytics.rounds import _match_communities

    def brute(before, after):  # every community of a round against every one before it
        out = []
        for c in sorted(after, key=lambda c: (-len(c), min(c))):
            best = max(sorted(before, key=min), key=lambda p: len(c & p) / len(c | p), default=set())
            if not c & best:
                best = set()
            out.append({"size": len(c), "size_before": len(best),
                        "jaccard": len(c & best) / len(c | best) if best else 0.0})
        return out

    rng = random.Random(3)
    for trial in range(200):
        def partition(nodes):
            k = rng.randint(1, 6)
            parts = [set() for _ in range(k)]
            for n in nodes:
                parts[rng.randrange(k)].add(n)
            return [p for p in parts if p]
        before = partition(rng.sample(range(40), rng.randint(0, 25)))
        after = partition(rng.sample(range(40), rng.randint(1, 25)))
        got = _match_communities(sorted(before, key=min), after)
        assert got["matches"] == brute(before, after), trial
    assert _match_communities([{1, 2}], [{3, 4}])["matches"] == [{"size": 2, "size_before": 0, "jaccard": 0.0}]


def test_the_report_tells_the_change_only_where_there_are_rounds():
    import datetime as dt

    from labkit.report import figures
    from labkit.report import html as report_html
    from labkit.report.narrative import Report
    p = three_rounds()
    r = Report(p, "t", as_of=dt.date(2027, 6, 1), lang="nl")
    assert report_html.visible_sections(r)[3] == "rounds"
    text = str(report_html.rounds_section(r).html)
    assert "Door de tijd" in text and "Dit thema liep in drie rondes." in text
    assert "Van Ronde 1 naar Ronde 2: 2 van de 3 organisaties kwamen terug (67%), 2 kwamen er nieuw bij en " \
           "1 kwamen niet meer." in text
    assert "Niet meer vertegenwoordigd: ngo." in text
    assert "Van de verbindingen aan tafel bleven er 1 bestaan, 3 kwamen er nieuw bij en 2 verdwenen " \
           "(stabiliteit, Jaccard: 0,17)." in text
    assert "Toezeggingen: 1 nieuw ingebracht, 1 meegenomen uit eerdere rondes, 1 afgerond en 0 vastgelopen." in text
    spec = figures.rounds(r).to_dict()
    assert spec["title"] == "Welke organisaties kwamen terug, welke kwamen erbij?"
    one = Report(labkit.load(DATA), "brede-welvaart", as_of=dt.date(2026, 8, 16), lang="en")
    assert "rounds" not in report_html.visible_sections(one)
    assert str(report_html.rounds_section(one).html) == "" and figures.rounds(one) is None


def test_a_recorded_seating_plan_is_not_attendance():
    import pandas as pd
    p = seated_rounds({"r1": ["abc", "ade"], "r2": ["abc", "ade"]})
    before, positions = A.round_change(p), A.round_positions(p, top=1)
    att = p.tables["attendance"]
    plan = pd.DataFrame([{"session_id": "r2-0", "participant_id": who, "role": "participant", "source": "planned"}
                         for who in ("pd", "pe")], columns=att.columns).astype(att.dtypes.to_dict())
    planned = p.replace(attendance=pd.concat([att, plan], ignore_index=True))
    assert A.round_change(planned) == before  # d and e planned at a's table in round 2 change nothing
    assert A.round_positions(planned, top=1) == positions
