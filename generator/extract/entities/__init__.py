"""People, places and organisations of one article: spaCy NER corrected by rules.

Notes:
    The statistical model finds candidate names; the rules then decide, once
    per distinct name in the article, what each name is (a name means the
    same thing throughout one article), find the mentions the model missed,
    and merge the forms of one entity ("Putin" into "Vladimir Putin", "U.S."
    into "United States"). Decisions, strongest first: nationality words are
    nothing; listed organisations and organisation head words ("Ministry",
    "Party"); a surname or first name of a person named in full elsewhere in
    the article; the gazetteer (a big city or country the model calls a
    person is a place); finally the model's majority label.

    The stages, one module each: ``spans`` cuts the model's spans into names,
    ``mentions`` finds those the model missed, ``classify`` decides each
    name's kind (with ``readings`` for what the gazetteer is worth),
    ``corrections`` revisits kinds by the article's other names, ``evidence``
    keeps only names with evidence of their kind, ``build`` merges them into
    entities.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.entities.build import Group, build_organizations, build_people, build_places
from generator.extract.entities.classify import classify, context_votes, is_sports
from generator.extract.entities.corrections import (
    abbreviations,
    companies_by_use,
    competition_short_forms,
    dateline_teams,
    expanded_acronyms,
    families,
    given_names_of_people,
    people_named_as_orgs,
    posts,
    products,
    teams_and_tails,
    venue_short_forms,
    works,
)
from generator.extract.entities.evidence import caps_tokens, has_evidence, reasons, title_tokens
from generator.extract.entities.mentions import (
    expansion_mentions,
    gazetteer_mentions,
    given_name_mentions,
    list_people,
    propagate,
)
from generator.extract.entities.names import name_parts, regnal_end
from generator.extract.entities.org_cues import mark_cued_outlets
from generator.extract.entities.place_cues import datelines, mark_cued_places
from generator.extract.entities.readings import article_countries
from generator.extract.entities.spans import (
    before_title,
    joined_country_branches,
    joined_given_names,
    joined_legal_forms,
    joined_listed_names,
    joined_local_numbers,
    joined_nicknames,
    joined_of_places,
    joined_org_heads,
    legal_form_after_comma,
    span_words,
    trim,
)
from generator.lexicon.gazetteer import gazetteer
from generator.lexicon.organizations import is_org_name, known_orgs
from generator.lexicon.text import fold
from generator.model import Entity, EntityKind

if TYPE_CHECKING:
    from generator.nlp import Parsed

LABELS: dict[str, EntityKind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organization",
}
CANDIDATE_LABELS = frozenset({*LABELS, "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})


def entities(parsed: Parsed) -> tuple[tuple[Entity, ...], tuple[Entity, ...], tuple[Entity, ...]]:
    """People, places and organisations, each merged by name, in order of first mention."""
    doc, article = parsed.doc, parsed.article
    gaz = gazetteer()
    caps = caps_tokens(doc, article.body)
    groups: dict[str, Group] = {}

    def add(start: int, end: int, label: str) -> None:
        words = span_words(doc, start, end)
        key = " ".join(words)
        group = groups.get(key)
        if group is None:
            text = " ".join(t.text for t in doc[start:end]).replace(" - ", "-").replace(" '", "'")
            group = groups[key] = Group(text=doc[start:end].text if start < end else text, words=words)
        group.mentions.append((start, end))
        group.votes[label] += 1

    dateline = datelines(doc, article.body)
    for start, end in dateline:
        add(start, end, "DATELINE")
    taken = {i for g in groups.values() for s, e in g.mentions for i in range(s, e)}
    model_spans = [(e.start, e.end, e.label_) for e in doc.ents]
    spans = joined_of_places(doc, joined_given_names(doc, joined_nicknames(doc, model_spans)))
    spans = joined_legal_forms(doc, joined_org_heads(doc, joined_country_branches(doc, spans)))
    spans = joined_local_numbers(doc, joined_listed_names(doc, spans))
    for ent_start, ent_end, label in spans:
        if label not in CANDIDATE_LABELS or any(i in caps or i in taken for i in range(ent_start, ent_end)):
            continue
        # ", S.A." the model labelled alone: a legal form is no name of its own.
        if ent_end - ent_start == 1 and ent_start > 0 and legal_form_after_comma(doc, ent_start - 1):
            continue
        ent = doc[ent_start:ent_end]
        listed = ent.text in gaz or fold(ent.text) in known_orgs()
        # "Agriculture Secretary Dan Glickman", "German Defence Minister": a
        # department named inside a title is no mention of an organisation.
        if label == "ORG" and not listed and len(ent) == 1 and before_title(doc, ent.end):
            continue
        for start, end in trim(doc, ent.start, ent.end, keep_whole=listed, label=label):
            add(start, regnal_end(doc, start, end) if label == "PERSON" else end, label)
    expansion_mentions(doc, groups, add)
    given_name_mentions(doc, groups, add)
    gazetteer_mentions(doc, groups, add, caps)
    mark_cued_places(doc, groups, add)
    mark_cued_outlets(doc, groups, add)
    for group in groups.values():
        group.readings = gaz.lookup(group.text)
    context_votes(doc, groups)
    parts: set[tuple[str, ...]] = set()
    for group in groups.values():
        model = sum(n for label, n in group.votes.items() if label in CANDIDATE_LABELS)
        person = group.votes["PERSON"] + group.votes["CUE_PERSON"]
        if person > model / 2 and len(group.words) > 1 and not group.readings and not is_org_name(group.text):
            parts.update(name_parts(list(group.words), first=False))
    sports = is_sports(doc, article)
    countries = article_countries(groups)
    for group in groups.values():
        group.kind = classify(group, parts, sports, countries)
    teams_and_tails(doc, groups, parts)
    families(doc, groups)
    posts(groups)
    works(groups)
    competition_short_forms(groups)
    people_named_as_orgs(groups)
    given_names_of_people(groups)
    products(doc, groups)
    venue_short_forms(groups)
    companies_by_use(doc, groups, parts)
    expanded_acronyms(article.body, groups)
    abbreviations(doc, groups)
    covered = {i for g in groups.values() if g.kind for s, e in g.mentions for i in range(s, e)}
    propagate(doc, groups, covered, caps)
    # Lists are read once every known name has its mentions, then new names spread.
    list_people(doc, groups, add)
    covered = {i for g in groups.values() if g.kind for s, e in g.mentions for i in range(s, e)}
    propagate(doc, groups, covered, caps)
    dateline_teams(groups, set(dateline), sports)
    titled = title_tokens(doc, article.body)
    parts |= {
        p for g in groups.values() if g.kind == "person" and len(g.words) > 1 for p in name_parts(list(g.words))
    }
    kept = [g for g in groups.values() if g.kind and g.mentions and has_evidence(doc, g, titled, parts)]
    for g in kept:
        g.mentions.sort()
        if not g.readings and g.kind == "place":
            g.readings = gaz.lookup(g.text)
        g.evidence = reasons(g)
    return (
        build_people(parsed, [g for g in kept if g.kind == "person"]),
        build_places(parsed, [g for g in kept if g.kind == "place"]),
        build_organizations(parsed, [g for g in kept if g.kind == "organization"]),
    )


__all__ = ["entities"]
