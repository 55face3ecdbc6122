"""Words for a figure against chance: one careful sentence, in Dutch and in English.

A raw E-I index or a count of brokerage roles means little on its own: a sector of two
organisations has mostly external ties whatever anyone does. :func:`describe_against_chance`
puts a figure beside what chance gives (from :func:`~labkit.analytics.permutation.ei_index_permutation`,
:func:`~labkit.analytics.permutation.mixing_permutation` or
:func:`~labkit.analytics.brokers.brokerage_baselines`) and says "more", "less" or "as
often as chance would give" in one plain sentence, with the numbers behind it. A
difference within what chance gives is called that, never "more" or "less"; with few
organisations the sentence adds that only a large difference would stand out.
"""

from __future__ import annotations

import math

from ..i18n import ROLES as ROLE_NAMES

#: Two-sided level below which a difference is called more or less than chance.
ALPHA = 0.05
#: Below this many organisations the "as often" sentence adds that only a large difference would show.
FEW = 100
#: A "more" or "less" with a p-value from here up to ALPHA is called a narrow difference.
NARROW = 0.01
#: Below this expected count a brokerage sentence says z is a rough guide (the normal approximation).
ROUGH = 5

MEASURES = ("ei_index", "cross_sector_share", "brokerage")
NETWORKS = (None, "coattendance", "collaboration")

_WORDS = {
    "nl": {"more": ("vaker", "dan"), "less": ("minder vaak", "dan"), "as_chance": ("even vaak", "als"),
           "chance": "toeval zou geven", "decimal": ",",
           "network": {None: "Banden liepen {adv} over sectorgrenzen {cmp} {chance}",
                       "coattendance": "De organisaties zaten {adv} met andere sectoren aan tafel {cmp} {chance}",
                       "collaboration": "De organisaties werkten {adv} samen met andere sectoren {cmp} {chance}"},
           "group": "{label} ({orgs}) had {adv} banden met andere sectoren {cmp} {chance}",
           "orgs": ("{n} organisaties", "1 organisatie"),
           "ei": "E-I-index {obs}; bij willekeurig verdeelde sectoren {exp}",
           "share": "{obs} van de banden tussen sectoren; bij willekeurig verdeelde sectoren {exp}",
           "range": "95% van de toevalsuitkomsten tussen {low} en {high}",
           "within": "Het verschil valt binnen wat toeval geeft.",
           "few": "Met {n} organisaties in het netwerk valt alleen een groot verschil buiten wat toeval geeft.",
           "few_group": "Met {orgs} in de sector valt alleen een groot verschil buiten wat toeval geeft.",
           "fixed": "elke verdeling van de sectoren geeft hetzelfde",
           "broker": "{label} trad {count} op als {role}: {adv} {cmp} {chance} (een willekeurig netwerk "
                     "met dezelfde dichtheid en sectoren geeft {exp}; z = {z})",
           "impossible": "{label} kan in dit netwerk niet optreden als {role}, ook niet bij toeval (de "
                         "sectorgroottes of de dichtheid sluiten het uit).",
           "narrow": "Een nipt verschil: wie meerdere sectoren of rollen vergelijkt, vindt er ook door toeval "
                     "weleens zo een.",
           "rough": "Bij zulke kleine aantallen is z een ruwe maat.",
           "times": ("{n} keer", "1 keer"), "none": "Geen banden om te vergelijken met toeval."},
    "en": {"more": ("more often", "than"), "less": ("less often", "than"), "as_chance": ("as often", "as"),
           "chance": "chance would give", "decimal": ".",
           "network": {None: "Ties crossed sector lines {adv} {cmp} {chance}",
                       "coattendance": "Organisations sat at the table with other sectors {adv} {cmp} {chance}",
                       "collaboration": "Organisations worked with other sectors {adv} {cmp} {chance}"},
           "group": "{label} ({orgs}) had ties with other sectors {adv} {cmp} {chance}",
           "orgs": ("{n} organisations", "1 organisation"),
           "ei": "E-I index {obs}; with sectors dealt out at random {exp}",
           "share": "{obs} of ties across sectors; with sectors dealt out at random {exp}",
           "range": "95% of chance outcomes between {low} and {high}",
           "within": "The difference is within what chance gives.",
           "few": "With {n} organisations in the network only a large difference would stand out from chance.",
           "few_group": "With {orgs} in the sector only a large difference would stand out from chance.",
           "fixed": "every way of dealing out the sectors gives the same",
           "broker": "{label} acted as {role} {count}: {adv} {cmp} {chance} (a random network of the "
                     "same density and sectors gives {exp}; z = {z})",
           "impossible": "{label} cannot act as {role} in this network, not even by chance (the sector "
                         "sizes or the density rule it out).",
           "narrow": "A narrow difference: comparing several sectors or roles, one like it also turns up by "
                     "chance now and then.",
           "rough": "With counts this small, z is a rough guide.",
           "times": ("{n} times", "once"), "none": "No ties to compare with chance."},
}


def _num(x, lang, digits=2) -> str:
    text = f"{x:.{digits}f}"
    if text.startswith("-"):
        text = "−" + text[1:]
    return text.replace(".", _WORDS[lang]["decimal"])


def _pct(x, lang) -> str:
    return f"{round(100 * x)}%"


def _p(p, lang, alpha=ALPHA) -> str:
    """p to two or three decimals; "p < alpha" where rounding would show alpha itself or more."""
    if p < 0.001:
        return "p < " + _num(0.001, lang, 3)
    digits = 3 if p < 0.1 else 2
    if p < alpha <= round(p, digits):
        return "p < " + _num(alpha, lang, 2)
    return "p = " + _num(p, lang, digits)


def _verdict(observed, expected, p, alpha) -> str:
    if p is None or p >= alpha or observed == expected:
        return "as_chance"
    return "more" if observed > expected else "less"


def describe_against_chance(result: dict, *, measure="ei_index", network=None, label=None, role=None,
                            alpha=ALPHA) -> dict:
    """A figure against chance: the numbers, a verdict and one sentence in Dutch and English.

    Parameters
    ----------
    result : dict
        For ``measure="ei_index"``: :func:`~labkit.analytics.permutation.ei_index_permutation`'s
        result (whole network) or one of its ``by_group`` entries (give ``label``);
        for ``"cross_sector_share"``: ``mixing_permutation(...)["cross_sector_share"]``
        with ``organisations`` added if known; both need ``observed``, ``expected``,
        ``p_value`` and, for the range, ``low`` and ``high``. For ``"brokerage"``:
        ``count``, ``expected`` and ``z`` of one node and role from
        :func:`~labkit.analytics.brokers.brokerage_baselines`.
    measure : {"ei_index", "cross_sector_share", "brokerage"}
    network : {None, "coattendance", "collaboration"}
        Which ties the sentence speaks of (network level): sitting at a table
        together, working together, or ties in general.
    label : str or dict, optional
        The group's (E-I per group) or the organisation's (brokerage) name; a dict
        ``{"nl": ..., "en": ...}`` names it per language.
    role : str, optional
        For brokerage: ``coordinator``, ``itinerant``, ``representative``,
        ``gatekeeper``, ``liaison`` (named as in :data:`labkit.i18n.ROLES`).
    alpha : float
        Two-sided level (default 0.05): a p-value below it is "more" or "less"
        than chance, otherwise "as often as chance would give", with "the
        difference is within what chance gives".

    Returns
    -------
    dict
        ``verdict`` ("more", "less", "as_chance", or None when there is nothing to
        compare: no ties, or a role the group sizes rule out), the figures
        (``observed``, ``expected``, ``p_value`` and, where given, ``sd``, ``low``,
        ``high``, ``z``, ``organisations``) and ``nl`` and ``en``: the sentence.

    Notes
    -----
    For the E-I index and the cross-sector share the p-value is the permutation
    test's (:func:`~labkit.analytics.permutation.ei_index_permutation`). For brokerage it is
    the two-sided normal p-value of Gould and Fernandez's z-score,
    :math:`\\operatorname{erfc}(|z| / \\sqrt{2})`, only a guide (their z-scores are
    approximate, and rough for small expected counts: below :data:`ROUGH` the
    sentence says so). Below :data:`FEW` organisations an "as often" sentence
    adds that only a large difference would stand out: not finding a
    difference in a small network is weak evidence that there is none. A
    "more" or "less" with p from :data:`NARROW` up to ``alpha`` is called a
    narrow difference: compared over seven sectors or five roles, one such
    difference turns up by chance now and then.

    Examples
    --------
    >>> r = {"observed": 0.655, "expected": 0.656, "p_value": 0.93, "low": 0.55, "high": 0.75,
    ...      "organisations": 38}
    >>> d = describe_against_chance(r, network="coattendance")
    >>> d["verdict"]
    'as_chance'
    >>> print(d["en"])
    Organisations sat at the table with other sectors as often as chance would give: E-I index 0.66; with sectors dealt out at random 0.66 (95% of chance outcomes between 0.55 and 0.75; p = 0.93). The difference is within what chance gives. With 38 organisations in the network only a large difference would stand out from chance.
    >>> print(d["nl"])
    De organisaties zaten even vaak met andere sectoren aan tafel als toeval zou geven: E-I-index 0,66; bij willekeurig verdeelde sectoren 0,66 (95% van de toevalsuitkomsten tussen 0,55 en 0,75; p = 0,93). Het verschil valt binnen wat toeval geeft. Met 38 organisaties in het netwerk valt alleen een groot verschil buiten wat toeval geeft.
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    if network not in NETWORKS:
        raise ValueError(f"network must be one of {', '.join(map(str, NETWORKS))}, got {network!r}")
    if measure == "brokerage":
        return _brokerage(result, label, role, alpha)
    observed, expected, p = result.get("observed"), result.get("expected"), result.get("p_value")
    n = result.get("organisations")
    out = {"verdict": None, "observed": observed, "expected": expected, "p_value": p}
    out.update({k: result[k] for k in ("sd", "low", "high", "organisations") if k in result})
    if observed is None or expected is None or p is None:
        out.update({lang: _WORDS[lang]["none"] for lang in _WORDS})
        return out
    verdict = _verdict(observed, expected, p, alpha)
    out["verdict"] = verdict
    fixed = result.get("sd") == 0  # every shuffle gives the same value: nothing to test
    for lang, w in _WORDS.items():
        adv, cmp = w[verdict]
        orgs = None if n is None else (w["orgs"][1] if n == 1 else w["orgs"][0].format(n=n))
        if label is not None:
            name = label.get(lang, label.get("nl")) if isinstance(label, dict) else label
            head = w["group"].format(label=name, orgs=orgs, adv=adv, cmp=cmp, chance=w["chance"])
        else:
            head = w["network"][network].format(adv=adv, cmp=cmp, chance=w["chance"])
        if measure == "cross_sector_share":
            figure = w["share"].format(obs=_pct(observed, lang), exp=_pct(expected, lang))
            fmt = _pct
        else:
            figure = w["ei"].format(obs=_num(observed, lang), exp=_num(expected, lang))
            fmt = _num
        if fixed:
            out[lang] = f"{head}: {figure} ({w['fixed']})."
            continue
        detail = [w["range"].format(low=fmt(result["low"], lang), high=fmt(result["high"], lang))] \
            if result.get("low") is not None and result.get("high") is not None else []
        text = f"{head}: {figure} ({'; '.join(detail + [_p(p, lang, alpha)])})."
        if verdict != "as_chance" and p >= NARROW:
            text += " " + w["narrow"]
        if verdict == "as_chance":
            text += " " + w["within"]
            if n is not None and n < FEW:
                text += " " + (w["few_group"].format(orgs=orgs) if label is not None else w["few"].format(n=n))
        out[lang] = text
    return out


def _brokerage(result, label, role, alpha) -> dict:
    if role not in ROLE_NAMES["en"] or not role:
        raise ValueError(f"role must be one of {', '.join(r for r in ROLE_NAMES['en'] if r)}, got {role!r}")
    count, expected, z = result.get("count"), result.get("expected"), result.get("z")
    undefined = z is None or (isinstance(z, float) and math.isnan(z))
    p = None if undefined else math.erfc(abs(z) / math.sqrt(2))
    out = {"verdict": None if undefined else _verdict(count, expected, p, alpha), "observed": count,
           "expected": expected, "z": None if undefined else z, "p_value": p}
    if "sd" in result:
        out["sd"] = result["sd"]
    for lang, w in _WORDS.items():
        name = label.get(lang, label.get("nl")) if isinstance(label, dict) else label
        role_name = ROLE_NAMES[lang][role]
        if undefined:
            out[lang] = w["impossible"].format(label=name, role=role_name)
            continue
        adv, cmp = w[out["verdict"]]
        many, once = w["times"]
        count_text = once if count == 1 else many.format(n=f"{count:g}")
        text = w["broker"].format(label=name, adv=adv, role=role_name, cmp=cmp, chance=w["chance"],
                                  count=count_text, exp=_num(expected, lang, 1), z=_num(z, lang, 1)) + "."
        if out["verdict"] == "as_chance":
            text += " " + w["within"]
        elif p >= NARROW:
            text += " " + w["narrow"]
        if expected < ROUGH:
            text += " " + w["rough"]
        out[lang] = text
    return out
