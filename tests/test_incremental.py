"""Incremental builds: a page is rendered again only when one of its inputs changed,
and the result is always the site a full build would write."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.pipeline import Settings, build_site
from generator.site.render import Renderer
from tests.sitetools import generated_tree, make_project

PARIS = (
    "Leaders meet in Paris\n\n"
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday.\n\n"
    "\u201cWe agreed on the plan,\u201d Macron said after the meeting at the Elysee Palace.\n"
)
BERLIN = (
    "Budget vote in Berlin\n\n"
    "Olaf Scholz told the Bundestag in Berlin on Tuesday that the budget would pass.\n\n"
    "\u201cThe numbers add up,\u201d Scholz said.\n"
)
LISBON = (
    "Storm reaches Lisbon\n\n"
    "A storm hit Lisbon on Wednesday, cutting power to thousands of homes, Portuguese officials said.\n"
)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each page was rendered (by kind of page and name)."""
    calls: Counter[str] = Counter()
    brief_page, entity_page = Renderer.brief_page, Renderer.entity_page

    def count_brief(self: Renderer, brief):  # type: ignore[no-untyped-def]
        calls[f"brief:{brief.article.slug}"] += 1
        return brief_page(self, brief)

    def count_entity(self: Renderer, entity):  # type: ignore[no-untyped-def]
        calls[f"{entity.kind}:{entity.slug}"] += 1
        return entity_page(self, entity)

    monkeypatch.setattr(Renderer, "brief_page", count_brief)
    monkeypatch.setattr(Renderer, "entity_page", count_entity)
    return calls


def _project(tmp: Path) -> Path:
    return make_project(tmp, files={"seeds/paris.txt": PARIS, "seeds/berlin.txt": BERLIN, "seeds/lisbon.txt": LISBON})


def _full_build(tmp: Path, seeds: dict[str, str]) -> dict[str, bytes]:
    root = make_project(tmp, files={f"seeds/{name}": text for name, text in seeds.items()})
    build_site(Settings(root=root, cache=False))
    return generated_tree(root / "docs")


def test_nothing_changed_renders_nothing(tmp_path: Path, counted: Counter[str]) -> None:
    root = _project(tmp_path / "p")
    settings = Settings(root=root)
    first = build_site(settings)
    assert first.problems == [] and first.conflicts == [] and first.written
    assert counted["brief:paris"] == 1
    counted.clear()
    again = build_site(settings)
    assert counted == Counter()
    assert again.written == [] and again.removed == [] and sorted(again.unchanged) == sorted(first.written)


def test_one_edited_article_renders_its_pages_and_matches_a_full_build(tmp_path: Path, counted: Counter[str]) -> None:
    root = _project(tmp_path / "p")
    settings = Settings(root=root)
    build_site(settings)
    counted.clear()
    edited = PARIS.replace("on Monday", "on Monday morning")
    (root / "seeds" / "paris.txt").write_text(edited, encoding="utf-8")
    report = build_site(settings)
    assert counted["brief:paris"] == 1
    assert counted["person:olaf-scholz"] == 1  # the Paris brief mentions him
    assert counted["brief:lisbon"] == 0 and counted["place:lisbon"] == 0  # nothing of Lisbon's changed
    assert "briefs/paris.md" in report.written and "briefs/lisbon.md" in report.unchanged
    expected = _full_build(tmp_path / "full", {"paris.txt": edited, "berlin.txt": BERLIN, "lisbon.txt": LISBON})
    assert generated_tree(root / "docs") == expected


def test_a_removed_article_takes_its_pages_and_updates_the_others(tmp_path: Path) -> None:
    root = _project(tmp_path / "p")
    settings = Settings(root=root)
    build_site(settings)
    (root / "seeds" / "lisbon.txt").unlink()
    report = build_site(settings)
    assert "briefs/lisbon.md" in report.removed and "briefs/index.md" in report.written
    assert generated_tree(root / "docs") == _full_build(tmp_path / "full", {"paris.txt": PARIS, "berlin.txt": BERLIN})


def test_a_page_edited_by_hand_is_still_noticed(tmp_path: Path, counted: Counter[str]) -> None:
    root = _project(tmp_path / "p")
    settings = Settings(root=root)
    build_site(settings)
    page = root / "docs" / "briefs" / "lisbon.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy own note.\n", encoding="utf-8")
    deleted = root / "docs" / "briefs" / "paris.md"
    deleted.unlink()
    report = build_site(settings)
    assert any("lisbon.md" in c for c in report.conflicts)
    assert "My own note." in page.read_text(encoding="utf-8")
    assert "briefs/paris.md" in report.written and deleted.exists()


def test_a_page_the_disk_lost_is_noticed_and_rewritten(tmp_path: Path, counted: Counter[str]) -> None:
    """Pages are not synced one by one: after a power loss a page may be empty while the
    page records (synced at the end of the build) describe what was written. The records'
    size and modification time notice it, and the next build writes exactly what a full build would."""
    root = _project(tmp_path / "p")
    settings = Settings(root=root)
    build_site(settings)
    expected = generated_tree(root / "docs")
    (root / "docs" / "briefs" / "paris.md").write_bytes(b"")
    counted.clear()
    report = build_site(settings)
    assert counted["brief:paris"] == 1 and counted["brief:lisbon"] == 0
    assert report.written == ["briefs/paris.md"] and report.conflicts == []
    assert generated_tree(root / "docs") == expected


def test_a_template_change_renders_every_page(tmp_path: Path, counted: Counter[str]) -> None:
    root = _project(tmp_path / "p")
    settings = Settings(root=root)
    build_site(settings)
    counted.clear()
    template = root / "templates" / "brief.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nEdited template.\n", encoding="utf-8")
    report = build_site(settings)
    assert counted["brief:paris"] == counted["brief:lisbon"] == 1 and counted["place:lisbon"] == 1
    assert "briefs/paris.md" in report.written and "people/olaf-scholz.md" in report.unchanged


def test_remembered_keys_hold_this_build_names_only(tmp_path: Path) -> None:
    from generator.site import keys

    keys.entity_key("person", "Someone From Another Test \ud800")  # in this process's memory, not this site's
    path = tmp_path / "keys.json"
    with keys.remembered_keys(path, "salt"):
        keys.entity_key("person", "Volodymyr Zelenskyy")
    saved = path.read_text(encoding="utf-8")
    assert "Zelenskyy" in saved and "Another Test" not in saved
    keys._MEMO.clear()
    with keys.remembered_keys(path, "salt"):
        assert keys._MEMO[("person", "Volodymyr Zelenskyy")] == keys.entity_key("person", "Volodymyr Zelensky")
    keys._MEMO.clear()
    with keys.remembered_keys(path, "other salt"):  # other code or data: nothing is reused
        assert ("person", "Volodymyr Zelenskyy") not in keys._MEMO


def test_list_pages_show_nothing_of_the_article_text() -> None:
    """The list pages' hash leaves the articles' text out: right only while no list shows it."""
    from dataclasses import replace

    from generator.site.catalog import build_catalog
    from generator.site.incremental import Fingerprints
    from tests.test_front import _many
    from tests.test_render import TEMPLATES

    briefs = _many(25)
    reworded = list(briefs)
    a = briefs[3].article
    reworded[3] = replace(briefs[3], article=replace(a, body=a.body.replace("e", "a"), headline=None))
    retitled = list(briefs)
    retitled[3] = replace(briefs[3], title="Another title")
    catalogs = [build_catalog(b) for b in (briefs, reworded, retitled)]
    lists = [dict(Renderer(TEMPLATES, c).list_pages()) for c in catalogs]
    hashes = [Fingerprints(c).lists() for c in catalogs]
    assert lists[1] == lists[0] and hashes[1] == hashes[0]
    assert lists[2] != lists[0] and hashes[2] != hashes[0]


def test_list_pages_are_rendered_only_when_what_they_show_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    list_pages = Renderer.list_pages
    monkeypatch.setattr(Renderer, "list_pages", lambda self: calls.append(1) or list_pages(self))
    root = _project(tmp_path / "p")
    settings = Settings(root=root)
    first = build_site(settings)
    assert calls == [1] and "briefs/index.md" in first.written
    build_site(settings)
    assert calls == [1]  # nothing changed
    (root / "docs" / "briefs" / "index.md").unlink()
    again = build_site(settings)
    assert calls == [1, 1] and "briefs/index.md" in again.written  # a list page deleted by hand
    (root / "seeds" / "lisbon.txt").unlink()
    build_site(settings)
    assert calls == [1, 1, 1]
    assert generated_tree(root / "docs") == _full_build(tmp_path / "full", {"paris.txt": PARIS, "berlin.txt": BERLIN})


def test_a_few_changed_articles_go_to_a_standby_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The standby loads the pipeline while the build reads the articles, and gives the same site."""
    from generator import nlp, workers

    monkeypatch.setattr(nlp, "loaded", lambda: False)  # as in a fresh ``newsbrief build`` process
    monkeypatch.setattr(workers, "cores", lambda: 2)
    sent: list[list[str]] = []
    extract = workers.Standby.extract

    def spy(self: workers.Standby, articles):  # type: ignore[no-untyped-def]
        sent.append([a.slug for a in articles])
        records = extract(self, articles)
        assert records is not None  # extracted there, not here after all
        return records

    monkeypatch.setattr(workers.Standby, "extract", spy)
    root = _project(tmp_path / "p")
    settings = Settings(root=root)
    build_site(settings)
    assert sent == []  # a first build: no standby (every article needs parsing)
    edited = PARIS.replace("on Monday", "on Monday morning")
    (root / "seeds" / "paris.txt").write_text(edited, encoding="utf-8")
    build_site(settings)
    assert sent == [["paris"]]
    build_site(settings)
    assert sent == [["paris"]]  # nothing changed: no standby
    expected = _full_build(tmp_path / "full", {"paris.txt": edited, "berlin.txt": BERLIN, "lisbon.txt": LISBON})
    assert generated_tree(root / "docs") == expected


def test_a_standby_that_cannot_load_the_model_leaves_the_error_to_the_build() -> None:
    from generator.workers import Standby

    standby = Standby("xx_no_such_model")
    try:
        assert standby.extract([]) is None
    finally:
        standby.close()


def test_a_standby_started_beside_other_threads_is_spawned_and_extracts_the_same(tmp_path: Path) -> None:
    """Under ``mkdocs serve`` other threads run: the standby is spawned, not forked."""
    import threading

    from generator import batch, nlp
    from generator.pipeline import read_articles
    from generator.workers import Standby

    (tmp_path / "paris.txt").write_text(PARIS, encoding="utf-8")
    articles, _ = read_articles([tmp_path / "paris.txt"])
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        standby = Standby(nlp.DEFAULT_MODEL)
        assert standby._process._start_method == "spawn"  # type: ignore[attr-defined]
    finally:
        stop.set()
        thread.join()
    try:
        assert standby.extract(articles) == batch.extract_batch(articles)
    finally:
        standby.close()

