"""data/actors.yml, data/events.yml and data/glossary.yml → model objects, and the checks
that stay inside one registry (unique ids and terms, aliases, affiliations, event actors)."""

from __future__ import annotations

from ..load import RawRegistry
from ..model import Actor, AmbiguousAlias, Event, GlossaryTerm, Reference, TalkingPoint
from ..problems import Problems
from ..schema import ActorIn, EventIn, GlossaryIn, ReferenceIn, TalkingPointIn
from ..urls import glossary_anchor, reserved_anchor
from .common import Source, at, valid_entries


def _source(registry: RawRegistry, problems: Problems) -> Source:
    return Source(registry.path, registry.line, problems)


def actors(registry: RawRegistry, problems: Problems) -> list[Actor]:
    src, out = _source(registry, problems), []
    for index, entry in valid_entries(src, ActorIn, registry.items):
        if entry.id == "index":
            src.error((index, "id"), "'index' is reserved for the actors index page")
            continue
        ambiguous = tuple(
            AmbiguousAlias(a.alias, tuple(a.before), tuple(a.after)) for a in entry.ambiguous
        )
        out.append(
            Actor(
                entry.id,
                entry.name,
                entry.kind,
                tuple(entry.aliases),
                entry.description,
                entry.affiliation,
                src.pos(index),
                ambiguous,
                tuple(entry.members),
                entry.member_count,
                entry.members_reference,
                entry.sort_name,
            )
        )
    _unique(src, [(a.id, a.pos.index) for a in out], "id")
    _aliases(src, out)
    known = {a.id for a in out} | declared_ids(registry)
    for actor in out:
        if actor.affiliation is not None and actor.affiliation not in known:
            at(
                problems,
                actor.pos,
                f"[{actor.pos.index}].affiliation",
                f"unknown actor {actor.affiliation!r}",
            )
    return out


def events(registry: RawRegistry, problems: Problems) -> list[Event]:
    src, out = _source(registry, problems), []
    for index, entry in valid_entries(src, EventIn, registry.items):
        if reserved_anchor(entry.id):
            src.error((index, "id"), _reserved(entry.id, "the timeline"))
            continue
        out.append(
            Event(
                entry.id,
                entry.title,
                entry.kind,
                entry.summary,
                entry.date.as_date(),
                tuple(entry.actors),
                src.pos(index),
            )
        )
    _unique(src, [(e.id, e.pos.index) for e in out], "id")
    return out


def glossary(registry: RawRegistry, problems: Problems) -> list[GlossaryTerm]:
    src, out = _source(registry, problems), []
    for index, entry in valid_entries(src, GlossaryIn, registry.items):
        out.append(GlossaryTerm(entry.term, entry.expansion, entry.definition, src.pos(index)))
    _unique(src, [(g.term, g.pos.index) for g in out], "term")
    # Two terms whose headings would get the same anchor on the glossary page.
    distinct = {g.term: g for g in out}.values()
    _unique(src, [(glossary_anchor(g.term), g.pos.index) for g in distinct], "term", "anchor")
    return out


def references(registry: RawRegistry, problems: Problems) -> list[Reference]:
    src = _source(registry, problems)
    out = [
        Reference(r.id, r.title, r.publisher, r.date, r.url, r.supports, src.pos(index))
        for index, r in valid_entries(src, ReferenceIn, registry.items)
    ]
    _unique(src, [(r.id, r.pos.index) for r in out], "id")
    return out


def talking_points(registry: RawRegistry, problems: Problems) -> list[TalkingPoint]:
    src = _source(registry, problems)
    out = [
        TalkingPoint(t.id, t.text, tuple(t.statements), src.pos(index))
        for index, t in valid_entries(src, TalkingPointIn, registry.items)
    ]
    _unique(src, [(t.id, t.pos.index) for t in out], "id")
    return out


def declared_ids(registry: RawRegistry) -> set[str]:
    """Ids written in a registry, valid entries or not: a reference to an entry that has a
    problem of its own is not reported again as unknown (the root cause comes first)."""
    return {
        item["id"]
        for item in registry.items
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def _reserved(value: str, page: str) -> str:
    return (
        f"{value!r} would clash with a heading the generator makes on {page} "
        "(ids must not start with year-, month- or note-, nor be a section name); choose another"
    )


def _unique(src: Source, values: list[tuple[str, int | None]], key: str, what: str = "") -> None:
    seen: dict[str, int | None] = {}
    for value, index in values:
        if value in seen:
            label = f"its {what} {value!r}" if what else repr(value)
            src.error((index or 0, key), f"{label} is already used by entry [{seen[value]}]")
        else:
            seen[value] = index


def _aliases(src: Source, actors: list[Actor]) -> None:
    owner: dict[str, str] = {}
    for actor in actors:
        names = (actor.name, *actor.aliases, *(a.alias for a in actor.ambiguous))
        for a_index, alias in enumerate(names):
            first = owner.setdefault(alias, actor.id)
            if first != actor.id:
                key = _name_key(actor, a_index)
                src.error((actor.pos.index or 0, *key), f"{alias!r} already names actor {first!r}")


def _name_key(actor: Actor, index: int) -> tuple[str | int, ...]:
    """The key path of the `index`-th of an actor's names (name, aliases, ambiguous)."""
    if index == 0:
        return ("name",)
    if index <= len(actor.aliases):
        return ("aliases", index - 1)
    return ("ambiguous", index - 1 - len(actor.aliases), "alias")
