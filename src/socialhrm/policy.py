"""A policy builder: a draft social-media policy from a handful of choices.

A social-media policy says what the organisation expects of its people on company accounts and
on their private accounts, how far it encourages them to take part, and who owns what. It is
part of the communication policy and only works when it is introduced in an accessible way — a
short video, a conversation in the team — rather than sent round as a PDF (Van Hooijdonk).
:func:`draft_policy` writes a first draft from the choices an HR team makes, with the reason
behind each choice, in Markdown and in HTML. It is a starting point for the conversation with
management, communication, legal and the works council (ondernemingsraad), not a finished text.

References
----------
Van Hooijdonk, R. *Zo zorg je dat de inzet van social media zijn vruchten afwerpt voor HRM.*
Russo, D. & Beckers, I. *HR & Social Media — HR in de rol van gebruiker, business partner en
change agent* ("social media belong to all of us").

Examples
--------
>>> draft = draft_policy("Noordhaven")
>>> draft.markdown.splitlines()[0]
'# Social media at Noordhaven — draft policy'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from socialhrm.i18n import N_, _, get_language

__all__ = ["ACCOUNTS", "INTRODUCTIONS", "RESPONSIBILITIES", "STANCES", "PolicyDraft",
           "draft_policy"]

#: Which accounts the policy covers: id -> (label, rationale).
ACCOUNTS: dict[str, tuple[str, str]] = {
    "company": (N_("company accounts"),
                N_("The organisation's own pages speak for all of us; people need to know who "
                   "may post there and how.")),
    "private": (N_("private accounts"),
                N_("Employees talk about their work on their own accounts anyway; clear, "
                   "friendly guidance protects them and the organisation better than silence.")),
    "internal": (N_("the internal platform"),
                 N_("Knowledge sharing and internal communication happen there; it needs its "
                    "own simple house rules.")),
}

#: How far use is encouraged: id -> (label, rationale).
STANCES: dict[str, tuple[str, str]] = {
    "encourage": (N_("actively encouraged"),
                  N_("Employees' own networks reach candidates and customers that no vacancy "
                     "or advertisement reaches; banning social media drives young talent away "
                     "and wastes free marketing.")),
    "allow": (N_("allowed, not actively encouraged"),
              N_("A cautious start: the organisation first learns what works before it asks "
                 "people to take part.")),
    "restrict": (N_("limited to authorised spokespeople"),
                 N_("Some organisations (or some moments, such as a crisis or a tender) "
                    "require one voice; the policy then says so openly and explains why.")),
}

#: Who can own the parts of the policy.
RESPONSIBILITIES: dict[str, str] = {
    "policy": N_("keeping this policy up to date"),
    "company_accounts": N_("the company accounts"),
    "internal_platform": N_("the internal platform and its community"),
    "training": N_("training and support"),
    "questions": N_("questions and incidents"),
}

#: Ways to introduce the policy: id -> (label, rationale).
INTRODUCTIONS: dict[str, tuple[str, str]] = {
    "video": (N_("a short explainer video"),
              N_("Two minutes of video are watched; ten pages of policy are not.")),
    "team_meeting": (N_("a conversation in every team, led by the manager"),
                     N_("Managers set the example; talking it through makes the rules "
                        "concrete for each team.")),
    "ambassadors": (N_("ambassadors who help colleagues get started"),
                    N_("Enthusiastic pioneers carry a change further than any memo.")),
    "onboarding": (N_("a place in the onboarding of every new colleague"),
                   N_("New people learn the way things are done here from their first day.")),
    "intranet": (N_("a page on the intranet with questions and answers"),
                 N_("One place to look things up, kept up to date.")),
}

_DEFAULT_OWNERS = {"policy": N_("HR, together with Communication"),
                   "company_accounts": N_("Communication"),
                   "internal_platform": N_("the community manager and the ambassadors"),
                   "training": N_("HR (learning and development)"),
                   "questions": N_("your own manager, then Communication")}


@dataclass
class PolicyDraft:
    """A draft policy: its text in Markdown and HTML and the choices behind it.

    Attributes
    ----------
    markdown, html
        The document.
    choices
        One row per choice: ``choice``, ``value``, ``rationale``.
    """

    markdown: str
    html: str
    choices: pd.DataFrame = field(default_factory=pd.DataFrame)

    def _repr_html_(self) -> str:
        return self.html

    def save(self, path: str) -> str:
        """Write the draft as ``.md`` or ``.html`` (by the file's suffix) and return the path.

        Examples
        --------
        >>> import tempfile, os
        >>> p = draft_policy("X").save(os.path.join(tempfile.mkdtemp(), "policy.md"))
        >>> p.endswith("policy.md")
        True
        """
        text = self.html if str(path).lower().endswith((".html", ".htm")) else self.markdown
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        return str(path)


def _pick(kind: str, value: str, options: Mapping[str, object]) -> str:
    if value not in options:
        raise ValueError(_("{kind}={value!r} is not one of the choices: {options}.").format(
            kind=kind, value=value, options=", ".join(map(repr, options))))
    return value


# A document is a list of blocks, rendered to Markdown and HTML by the same code, so that every
# value a user typed is escaped in the HTML version.
Block = tuple[str, object]


def _md(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for kind, content in blocks:
        if kind in ("h1", "h2"):
            out.append(("# " if kind == "h1" else "## ") + str(content))
        elif kind == "p":
            out.append(str(content))
        elif kind == "ul":
            out.append("\n".join(f"- {item}" for item in content))  # type: ignore[union-attr]
        elif kind == "table":
            head, rows = content  # type: ignore[misc]
            lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |"
                      for r in rows]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _html(blocks: Sequence[Block], title: str) -> str:
    esc = html.escape
    parts = []
    for kind, content in blocks:
        if kind in ("h1", "h2", "p"):
            parts.append(f"<{kind}>{esc(str(content))}</{kind}>")
        elif kind == "ul":
            items = "".join(f"<li>{esc(str(i))}</li>" for i in content)  # type: ignore[union-attr]
            parts.append(f"<ul>{items}</ul>")
        elif kind == "table":
            head, rows = content  # type: ignore[misc]
            th = "".join(f"<th>{esc(str(h))}</th>" for h in head)
            trs = "".join("<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in r) + "</tr>"
                          for r in rows)
            parts.append(f"<table><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>")
    style = ("body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.45}"
             "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;"
             "text-align:left;vertical-align:top}")
    return (f"<!DOCTYPE html><html lang='{esc(get_language())}'><head><meta charset='utf-8'>"
            f"<title>{esc(title)}</title><style>{style}</style></head><body class="
            f"'socialhrm-policy'>{''.join(parts)}</body></html>")


def draft_policy(organisation: str = "Noordhaven", *,
                 accounts: Iterable[str] = ("company", "private", "internal"),
                 stance: str = "encourage",
                 owners: Mapping[str, str] | None = None,
                 introduction: Iterable[str] = ("video", "team_meeting", "ambassadors"),
                 working_time: bool = True,
                 review_months: int = 12) -> PolicyDraft:
    """Write a draft social-media policy from a handful of choices, with the reasons.

    Parameters
    ----------
    organisation
        The organisation's name (appears in the text; escaped in the HTML).
    accounts
        Which accounts the policy covers: any of :data:`ACCOUNTS` (``"company"``,
        ``"private"``, ``"internal"``).
    stance
        How far use is encouraged: one of :data:`STANCES` (``"encourage"``, ``"allow"``,
        ``"restrict"``).
    owners
        Who owns which part (keys of :data:`RESPONSIBILITIES`); missing parts get a sensible
        default (HR with Communication for the policy itself, and so on).
    introduction
        How the policy is introduced: any of :data:`INTRODUCTIONS`.
    working_time
        Whether taking part during working hours is explicitly allowed.
    review_months
        After how many months the policy is reviewed (learn by doing: it will change).

    Returns
    -------
    PolicyDraft
        ``markdown``, ``html`` and ``choices`` (the choices and their rationale).

    Raises
    ------
    ValueError
        An unknown choice; the message lists the possible ones.

    Examples
    --------
    >>> d = draft_policy("Noordhaven", stance="allow", accounts=["company"])
    >>> list(d.choices["choice"])[:2]
    ['accounts covered', 'stance']
    >>> "<script>" in draft_policy("<script>").html
    False
    """
    accounts = [_pick("accounts", a, ACCOUNTS) for a in dict.fromkeys(accounts)]
    if not accounts:
        raise ValueError(_("Choose at least one kind of account for the policy to cover."))
    stance = _pick("stance", stance, STANCES)
    intro = [_pick("introduction", i, INTRODUCTIONS) for i in dict.fromkeys(introduction)]
    given = dict(owners or {})
    for key in given:
        _pick("owners", key, RESPONSIBILITIES)
    who = {k: given.get(k) or _(v) for k, v in _DEFAULT_OWNERS.items()}
    if int(review_months) < 1:
        raise ValueError(_("review_months must be 1 or more."))
    org = str(organisation).strip() or _("our organisation")

    title = _("Social media at {org} — draft policy").format(org=org)
    b: list[Block] = [("h1", title)]
    b.append(("p", _("Draft for discussion with management, Communication and the works "
                     "council (ondernemingsraad). Part of the communication policy of {org}."
                     ).format(org=org)))
    b.append(("h2", _("1. Why we have this policy")))
    b.append(("p", _("Social media belong to all of us. What we share inside and outside {org} "
                     "shows who we are as an employer and as a partner for our customers. This "
                     "policy gives direction, not a rulebook: we learn by doing, and we adjust "
                     "it as we learn.").format(org=org)))
    b.append(("p", _("It covers: {accounts}.").format(
        accounts=", ".join(_(ACCOUNTS[a][0]) for a in accounts))))
    b.append(("h2", _("2. How far we encourage it")))
    stance_text = {
        "encourage": _("{org} encourages everyone to share their work, their knowledge and "
                       "our vacancies in their own networks. You are our best ambassadors."),
        "allow": _("You are free to use social media and to mention your work. We do not yet "
                   "ask you to do so actively; we start small and learn what works."),
        "restrict": _("Only the spokespeople named below speak for {org} on social media. You "
                      "may of course use your own accounts; please do not speak on behalf of "
                      "{org}."),
    }[stance].format(org=org)
    b.append(("p", stance_text))
    if working_time:
        b.append(("p", _("Taking part on the internal platform and sharing our news is part of "
                         "your work: you may do it during working hours, with common sense.")))
    b.append(("h2", _("3. What we ask of everyone")))
    b.append(("ul", [
        _("Be yourself and be clear that you speak for yourself, unless your role is to speak "
          "for {org}.").format(org=org),
        _("Keep confidential what is confidential: customers' and colleagues' information, "
          "figures that are not public, tenders and plans."),
        _("Respect privacy (AVG): do not post photos or details of colleagues or customers "
          "without their permission."),
        _("Be respectful, also when you disagree; we do the same."),
        _("Made a mistake? Say so, correct it, and ask for help. Nobody is blamed for an honest "
          "mistake."),
    ]))
    if "company" in accounts:
        b.append(("h2", _("4. Company accounts")))
        b.append(("p", _("The company accounts are managed by {owner}. Anyone may suggest a "
                         "post; they decide what is published and answer reactions within a "
                         "working day.").format(owner=who["company_accounts"])))
    if "private" in accounts:
        b.append(("h2", _("5. Your own accounts")))
        b.append(("p", _("Your own accounts are yours. {org} does not monitor them and does not "
                         "ask for access. When you mention your work, the guidelines above "
                         "apply.").format(org=org)))
    if "internal" in accounts:
        b.append(("h2", _("6. The internal platform")))
        b.append(("p", _("The internal platform is where we ask questions, share what we know "
                         "and find each other across departments and locations. It is looked "
                         "after by {owner}.").format(owner=who["internal_platform"])))
    b.append(("h2", _("7. Who owns what")))
    b.append(("table", ([_("part"), _("owner")],
                        [[_(RESPONSIBILITIES[k]), who[k]] for k in RESPONSIBILITIES])))
    b.append(("h2", _("8. How we introduce it")))
    b.append(("ul", [_(INTRODUCTIONS[i][0]) for i in intro] or [_("(to be decided)")]))
    b.append(("h2", _("9. Review")))
    b.append(("p", _("We review this policy after {months} months, with the people who use it "
                     "every day.").format(months=int(review_months))))

    choices = [
        (_("accounts covered"), ", ".join(_(ACCOUNTS[a][0]) for a in accounts),
         " ".join(_(ACCOUNTS[a][1]) for a in accounts)),
        (_("stance"), _(STANCES[stance][0]), _(STANCES[stance][1])),
        (_("working time"), _("allowed") if working_time else _("not mentioned"),
         _("People need time to take part; facilitation means time, tools and training.")
         if working_time else _("Leaving it open avoids a promise the organisation cannot yet "
                                "keep, but people may then not dare to take part.")),
        (_("owners"), "; ".join(f"{_(RESPONSIBILITIES[k])}: {who[k]}" for k in RESPONSIBILITIES),
         _("Clear roles and ownership are what make a networked way of working hold together.")),
        (_("introduction"), ", ".join(_(INTRODUCTIONS[i][0]) for i in intro),
         " ".join(_(INTRODUCTIONS[i][1]) for i in intro)),
        (_("review"), _("after {months} months").format(months=int(review_months)),
         _("There is no blueprint: set a direction, learn by doing and adjust.")),
    ]
    table = pd.DataFrame(choices, columns=["choice", "value", "rationale"])
    b.append(("h2", _("Appendix: the choices behind this draft")))
    b.append(("table", ([_("choice"), _("what we chose"), _("why")],
                        [list(r) for r in choices])))
    return PolicyDraft(markdown=_md(b), html=_html(b, title), choices=table)
