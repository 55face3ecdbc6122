"""A four-person programme for the doctests (made up; every row ``synthetic``).

Three organisations: ``a`` (government), ``b`` (business), ``c`` (civil society);
four people: p1 (a), p2 (b), p3 (c), p4 (b). One theme ``t`` with a focus
table s1 (p1, p2), a deepening table s2 (p2, p3) and a workshop s3 (p3, p4).
p3 came at s2 on p2's invitation, p4 at s3 on p3's. Ties: a -> b and b -> c
at s2, c -> b at s3. Commitments: k1 (stage 1, SDG 13, 'later', led by a,
last update 2022-01-01 at 40 %) and k2 (stage 3, SDG 10, 'hier-en-nu', no
owner, proposed 2021-05-01).
"""

from __future__ import annotations

from ..data.model import Programme
from ..data.synth import _df


def example_programme() -> Programme:
    t = {
        "sectors": _df("sectors", id=["government", "business", "civil-society"],
                       name_nl=["Overheid", "Bedrijfsleven", "Maatschappelijke organisatie"],
                       name_en=["Government", "Business", "Civil society"], order=[1, 2, 3]),
        "themes": _df("themes", id=["t"], number=[1], name_nl=["Thema"], name_en=["Theme"]),
        "organisations": _df("organisations", id=["a", "b", "c"], name=["A", "B", "C"],
                             sector=["government", "business", "civil-society"]),
        "participants": _df("participants", id=["p1", "p2", "p3", "p4"], consent_named=[False] * 4,
                            organisation_id=["a", "b", "c", "b"], role=["participant"] * 4),
        "table_kinds": _df("table_kinds", id=["focustafel", "verdiepingstafel", "werkplaats"],
                           name_nl=["Focustafel", "Verdiepingstafel", "Werkplaats"],
                           name_en=["Focus table", "Deepening table", "Workshop"], order=[1, 2, 3]),
        "sessions": _df("sessions", id=["s1", "s2", "s3"], theme_id=["t"] * 3,
                        kind=["focustafel", "verdiepingstafel", "werkplaats"], order=[1, 2, 3],
                        month=["2021-03", "2021-04", "2021-05"], title_nl=["Focus", "Verdieping", "Werkplaats"]),
        "attendance": _df("attendance", session_id=["s1", "s1", "s2", "s2", "s3", "s3"],
                          participant_id=["p1", "p2", "p2", "p3", "p3", "p4"], role=["participant"] * 6),
        "invitations": _df("invitations", theme_id=["t"] * 4, participant_id=["p1", "p2", "p3", "p4"],
                           first_session_id=["s1", "s1", "s2", "s3"],
                           channel=["organisers", "organisers", "participant", "participant"],
                           invited_by=[None, None, "p2", "p3"]),
        "collaborations": _df("collaborations", id=["c1", "c2", "c3"], from_organisation_id=["a", "b", "c"],
                              to_organisation_id=["b", "c", "b"], session_id=["s2", "s2", "s3"],
                              kind=["intent", "intent", "joint_initiative"]),
        "roadmap_stages": _df("roadmap_stages", id=["stage-1", "stage-2", "stage-3"], number=[1, 2, 3],
                              name_nl=["Trap 1", "Trap 2", "Trap 3"], name_en=["Stage 1", "Stage 2", "Stage 3"],
                              text_nl=["x", "y", "z"]),
        "sdgs": _df("sdgs", number=list(range(1, 18)), name_nl=[f"SDG {i}" for i in range(1, 18)],
                    name_en=[f"SDG {i}" for i in range(1, 18)], colour=["#000000"] * 17),
        "welfare_dimensions": _df("welfare_dimensions", id=["hier-en-nu", "later", "elders"],
                                  name_nl=["Hier en nu", "Later", "Elders"],
                                  name_en=["Here and now", "Later", "Elsewhere"]),
        "commitments": _df("commitments", id=["k1", "k2"], theme_id=["t", "t"], kind=["idea", "idea"],
                           stage_id=["stage-1", "stage-3"], title_nl=["Idee 1", "Idee 2"],
                           title_en=["Idea 1", "Idea 2"], session_id=["s2", "s3"]),
        "commitment_owners": _df("commitment_owners", commitment_id=["k1"], organisation_id=["a"], role=["lead"]),
        "commitment_sdgs": _df("commitment_sdgs", commitment_id=["k1", "k2"], sdg=[13, 10]),
        "commitment_dimensions": _df("commitment_dimensions", commitment_id=["k1", "k2"],
                                     dimension=["later", "hier-en-nu"]),
        "commitment_updates": _df("commitment_updates", commitment_id=["k1", "k1", "k2"],
                                  date=["2021-04-01", "2022-01-01", "2021-05-01"],
                                  status=["proposed", "in_progress", "proposed"], progress=[0, 40, 0]),
    }
    from ..data import schema
    tables = {name: t.get(name, _df(name)) for name in schema.RESOURCE_NAMES}
    return Programme({"name": "example", "title": "Example (made up)"}, tables)
