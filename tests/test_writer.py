"""Never lose work: atomic pages, a manifest, hand-written pages kept, crash recovery."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.model import Report
from generator.site import writer
from generator.site.stamp import stamped
from generator.site.writer import Manifest, atomic_write, write_pages
from tests.sitetools import ROOT, SEED, cli, generated_tree, make_project


def build(docs: Path, pages: dict[str, str]) -> Report:
    report = Report()
    write_pages(docs, docs.parent / ".newsbrief" / "manifest.json", pages.items(), report)
    return report


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    (d / "index.md").write_text("# Home, written by a person\n")
    return d


def test_writes_records_and_skips_unchanged(docs: Path) -> None:
    pages = {"briefs/a.md": "A\n", "people/p.md": "P\n"}
    report = build(docs, pages)
    assert sorted(report.written) == sorted(pages) and not report.conflicts
    assert (docs / "briefs/a.md").read_text() == stamped("A\n")
    manifest = json.loads((docs.parent / ".newsbrief/manifest.json").read_text())
    assert sorted(manifest["files"]) == sorted(pages)
    again = build(docs, pages)
    assert again.written == [] and sorted(again.unchanged) == sorted(pages)
    changed = build(docs, {**pages, "briefs/a.md": "A2\n"})
    assert changed.written == ["briefs/a.md"]


def test_pages_get_ordinary_permissions(docs: Path) -> None:
    build(docs, {"briefs/a.md": "A\n"})
    mode = (docs / "briefs/a.md").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_a_page_no_longer_generated_is_removed(docs: Path) -> None:
    build(docs, {"briefs/a.md": "A\n", "briefs/b.md": "B\n"})
    report = build(docs, {"briefs/a.md": "A\n"})
    assert report.removed == ["briefs/b.md"] and not (docs / "briefs/b.md").exists()


def test_pages_are_not_synced_one_by_one_but_the_manifest_is(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(writer.os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    build(docs, {f"briefs/a{i}.md": f"A{i}\n" for i in range(3)})
    few = len(synced)
    synced.clear()
    build(docs, {f"briefs/b{i}.md": f"B{i}\n" for i in range(60)})
    # The manifest and its folder, before the pages change and after: as many for 60 pages as for 3.
    assert len(synced) == few <= 4


@pytest.mark.parametrize("left", [b"", b"\0" * 4096])
def test_a_page_a_power_loss_left_empty_is_ours_and_rewritten(docs: Path, left: bytes) -> None:
    """Renamed into place before its data reached the disk: zero bytes, or NULs on some file systems."""
    build(docs, {"briefs/a.md": "A\n", "briefs/b.md": "B\n"})
    (docs / "briefs/a.md").write_bytes(left)
    (docs / "briefs/b.md").write_bytes(left)
    report = build(docs, {"briefs/a.md": "A\n"})
    assert report.conflicts == [] and report.written == ["briefs/a.md"] and report.removed == ["briefs/b.md"]
    assert (docs / "briefs/a.md").read_text() == stamped("A\n") and not (docs / "briefs/b.md").exists()
    # A person's empty file where newsbrief never wrote stays theirs.
    (docs / "briefs/c.md").write_bytes(b"")
    assert build(docs, {"briefs/a.md": "A\n", "briefs/c.md": "C\n"}).conflicts


def test_the_version_a_page_replaced_stays_ours(docs: Path) -> None:
    """Pages are not synced: after a power loss a page may hold the version it replaced."""
    build(docs, {"briefs/a.md": "A\n"})
    old = (docs / "briefs/a.md").read_bytes()
    build(docs, {"briefs/a.md": "A2\n"})
    (docs / "briefs/a.md").write_bytes(old)  # the rename never reached the disk
    report = build(docs, {"briefs/a.md": "A2\n"})
    assert report.conflicts == [] and report.written == ["briefs/a.md"]
    assert (docs / "briefs/a.md").read_text() == stamped("A2\n")


def test_hand_written_page_with_a_generated_name_is_kept_and_reported(docs: Path) -> None:
    (docs / "briefs").mkdir()
    mine = docs / "briefs/a.md"
    mine.write_text("My own notes\n")
    report = build(docs, {"briefs/a.md": "A\n", "briefs/b.md": "B\n"})
    assert mine.read_text() == "My own notes\n"
    assert len(report.conflicts) == 1 and "docs/briefs/a.md" in report.conflicts[0]
    # Still the person's on the next build, and never removed when no longer generated.
    assert len(build(docs, {"briefs/a.md": "A\n"}).conflicts) == 1
    build(docs, {})
    assert mine.read_text() == "My own notes\n"
    # Once the person deletes it, newsbrief may write it.
    mine.unlink()
    assert build(docs, {"briefs/a.md": "A\n"}).written == ["briefs/a.md"]


def test_hand_written_page_in_an_owned_folder_is_never_touched(docs: Path) -> None:
    (docs / "people").mkdir()
    note = docs / "people/editors-note.md"
    note.write_text("Written by an editor\n")
    build(docs, {"people/p.md": "P\n"})
    build(docs, {})
    assert note.read_text() == "Written by an editor\n"
    assert (docs / "index.md").read_text() == "# Home, written by a person\n"


def test_generated_page_edited_by_a_person_is_kept(docs: Path) -> None:
    build(docs, {"briefs/a.md": "A\n"})
    (docs / "briefs/a.md").write_text("A, corrected by hand\n")
    report = build(docs, {"briefs/a.md": "A2\n"})
    assert (docs / "briefs/a.md").read_text() == "A, corrected by hand\n" and report.conflicts
    report = build(docs, {})
    assert (docs / "briefs/a.md").read_text() == "A, corrected by hand\n" and report.removed == []


def test_the_home_page_is_generated_but_a_person_written_one_is_kept(docs: Path) -> None:
    """docs/index.md is the generated news front, unless a person wrote their own."""
    for rel in ("index.md", "briefs/../index.md"):
        report = build(docs, {rel: "GENERATED\n"})
        assert (docs / "index.md").read_text() == "# Home, written by a person\n"
        assert any("written or edited by a person" in c for c in report.conflicts), report.conflicts
    (docs / "index.md").unlink()
    report = build(docs, {"index.md": "GENERATED\n"})
    assert report.written == ["index.md"] and (docs / "index.md").read_text() == stamped("GENERATED\n")


@pytest.mark.parametrize("rel", [
    "about.md", "../outside.md", "briefs/../../outside.md", "briefs/../about.md", "people/../../index.md",
    "/tmp/absolute.md", "briefs/a.txt", "stylesheets/x.md", "briefs/x.html", "briefs/.md",
])
def test_refuses_to_write_outside_its_folders(docs: Path, rel: str) -> None:
    before = sorted(p for p in docs.parent.rglob("*"))
    report = build(docs, {rel: "EVIL\n", "briefs/ok.md": "OK\n"})
    assert report.written == ["briefs/ok.md"]
    assert any("refusing to write" in c for c in report.conflicts)
    assert (docs / "index.md").read_text() == "# Home, written by a person\n"
    after = sorted(p for p in docs.parent.rglob("*"))
    assert set(after) - set(before) <= {
        docs / "briefs", docs / "briefs/ok.md", docs.parent / ".newsbrief",
        docs.parent / ".newsbrief/manifest.json", docs.parent / ".newsbrief/lock",
    }


def test_symlink_to_a_hand_written_page_is_not_followed(docs: Path) -> None:
    (docs / "briefs").mkdir()
    (docs / "briefs/a.md").symlink_to(docs / "index.md")
    report = build(docs, {"briefs/a.md": "A\n"})
    assert report.conflicts and (docs / "index.md").read_text() == "# Home, written by a person\n"


def test_two_pages_for_one_path_keep_the_first(docs: Path) -> None:
    report = Report()
    write_pages(docs, docs.parent / "m.json", [("people/index.md", "INDEX\n"), ("people/index.md", "PERSON\n")], report)
    assert (docs / "people/index.md").read_text() == stamped("INDEX\n")
    assert any("two generated pages" in c for c in report.conflicts)


@pytest.mark.parametrize("content", [
    "not json", "[]", '{"files": []}', '{"files": {"briefs/a.md": "abc"}}',
    '{"files": {"../../etc/passwd.md": ["x"], "/etc/x.md": ["y"], "briefs/a.md": [1]}}',
])
def test_damaged_manifest_never_deletes_or_crashes(docs: Path, content: str) -> None:
    (docs / "briefs").mkdir()
    (docs / "briefs/a.md").write_text("A person's page\n")
    m = docs.parent / ".newsbrief/manifest.json"
    m.parent.mkdir()
    m.write_text(content)
    report = build(docs, {"briefs/b.md": "B\n"})
    assert (docs / "briefs/a.md").read_text() == "A person's page\n"
    assert report.written == ["briefs/b.md"] and report.removed == []
    assert Manifest(m).files == {"briefs/b.md": [writer.digest(stamped("B\n"))]}


def test_failed_write_keeps_the_old_page_and_no_temporary(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = docs / "briefs/a.md"
    atomic_write(page, "old\n")

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(writer.os, "replace", broken)
    with pytest.raises(OSError):
        atomic_write(page, "new\n")
    assert page.read_text() == "old\n"
    assert [p.name for p in page.parent.iterdir()] == ["a.md"]


def test_temporaries_of_a_killed_build_are_cleaned(docs: Path) -> None:
    (docs / "briefs").mkdir()
    # A build killed midway: its manifest recorded the token of its temporaries first.
    m = docs.parent / ".newsbrief/manifest.json"
    m.parent.mkdir()
    m.write_text(json.dumps({"version": 1, "files": {}, "temporaries": ["abc123"]}))
    (docs / "briefs/.nb-tmp-abc123-0").write_text("half a pa")
    build(docs, {"briefs/a.md": "A\n"})
    assert sorted(p.name for p in (docs / "briefs").iterdir()) == ["a.md"]


# --- end to end ---------------------------------------------------------------

FIRST = ["Anna", "Boris", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas"]
LAST = ["Adler", "Brandt", "Costa", "Duval", "Eriksen", "Fischer", "Garcia", "Hansen"]
CITIES = ["Lyon", "Porto", "Leeds", "Gdansk", "Turin", "Bergen", "Ghent", "Malmo", "Graz", "Split"]


def many_articles(n: int) -> dict[str, str]:
    """``n`` short English articles naming different people and cities (our own sentences)."""
    out = {}
    for i in range(n):
        person = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
        city = CITIES[(i * 3) % len(CITIES)]
        out[f"seeds/article_{i:03d}.txt"] = (
            f"Council in {city} approves plan number {i}\n\n"
            f"The city council in {city} approved plan number {i} on Tuesday, after a long debate about "
            f"the cost of new bus lanes and the future of the old market hall.\n\n"
            f"\u201cThis is a good day for {city},\u201d said {person}, the head of the transport committee, "
            f"adding that work would begin in the spring.\n\n"
            f"Critics said the plan had been rushed, and that the shops on the main street were not asked.\n"
        )
    return out


HAND_WRITTEN = {
    "docs/briefs/editors-notes.md": "# Notes from the editors\n\nWritten by a person.\n",
    "docs/people/about-people.md": "# About these pages\n\nWritten by a person.\n",
}
HAND = {rel.removeprefix("docs/") for rel in HAND_WRITTEN}


def _hand_written_intact(project: Path) -> None:
    for rel, text in HAND_WRITTEN.items():
        assert (project / rel).read_text(encoding="utf-8") == text
    for page in ("about.md",):  # docs/index.md is generated (the news front)
        assert (project / "docs" / page).read_bytes() == (ROOT / "docs" / page).read_bytes()


@pytest.mark.slow
def test_killed_build_leaves_no_half_page_and_recovers(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [], {**many_articles(10), **HAND_WRITTEN})
    first = cli("build", "--root", str(project))
    assert first.exit_code == 0, first.output
    docs = project / "docs"
    old = generated_tree(docs)
    # A template change rewrites every brief; extraction comes from the cache, so
    # the subprocess reaches the writing phase quickly.
    for template in ("brief.md.j2", "_entity_briefs.md.j2"):
        with (project / "templates" / template).open("a", encoding="utf-8") as f:
            f.write("\nTemplate version two.\n")
    reference = tmp_path / "r"
    shutil.copytree(project, reference)
    assert cli("build", "--root", str(reference)).exit_code == 0
    new = generated_tree(reference / "docs")
    changed = {rel for rel in new if old.get(rel) != new[rel]}
    assert len(changed) > 25

    # Each page's rename is slowed down, so the kill lands while pages are being written
    # (by several threads at once: two rounds of them at most before the kill).
    slow = (
        "import os, sys, time\n"
        "real = os.replace\n"
        "def slow(a, b):\n"
        "    time.sleep(0.5)\n"
        "    real(a, b)\n"
        "os.replace = slow\n"
        "from generator.cli import main\n"
        "sys.exit(main())\n"
    )
    manifest = project / ".newsbrief/manifest.json"
    before = manifest.stat().st_mtime_ns
    proc = subprocess.Popen(
        [sys.executable, "-c", slow, "build", "--root", str(project)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.monotonic() + 120
        while manifest.stat().st_mtime_ns == before:  # the write-ahead manifest is saved
            assert proc.poll() is None, "the build ended before writing"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        time.sleep(1.0)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()

    # Every page is whole: the old version or the new one, never a mix.
    after = generated_tree(docs)
    temporaries = [rel for rel in after if Path(rel).name.startswith(".nb-tmp-")]
    pages = {rel: data for rel, data in after.items() if rel not in temporaries}
    for rel, data in pages.items():
        if rel in HAND:
            continue
        assert data in (old.get(rel), new.get(rel)), f"docs/{rel} is neither the old nor the new page"
    assert any(pages.get(r) == new[r] for r in changed), "no page was rewritten before the kill"
    assert any(pages.get(r) == old[r] for r in changed if r in old), "the build finished before the kill"
    assert all(Path(t).name.startswith(".") for t in temporaries)  # MkDocs ignores dotfiles
    json.loads(manifest.read_text(encoding="utf-8"))
    _hand_written_intact(project)

    # The next build recovers: no false conflicts, exactly the pages of an uninterrupted build.
    again = cli("build", "--root", str(project))
    assert again.exit_code == 0, again.output
    assert "0 conflict(s)" in again.output and "conflict:" not in again.output
    assert {k: v for k, v in generated_tree(docs).items() if k not in HAND} == {
        k: v for k, v in new.items() if k not in HAND
    }
    _hand_written_intact(project)

    # A page deleted from seeds/ disappears; hand-written pages stay.
    (project / "seeds/article_007.txt").unlink()
    result = cli("build", "--root", str(project))
    assert result.exit_code == 0 and "0 conflict(s)" in result.output
    assert not (docs / "briefs/article-007.md").exists()
    assert "article-007" not in (docs / "briefs/index.md").read_text(encoding="utf-8")
    _hand_written_intact(project)


@pytest.mark.slow
def test_same_seeds_give_byte_identical_pages(tmp_path: Path) -> None:
    seeds = {**many_articles(6)}
    a = make_project(tmp_path / "a", [SEED, *(ROOT / "tests/fixtures/hostile").iterdir()], seeds)
    b = make_project(tmp_path / "b", [SEED, *(ROOT / "tests/fixtures/hostile").iterdir()], seeds)
    assert cli("build", "--root", str(a)).exit_code == 0
    assert cli("build", "--root", str(b), "--no-cache").exit_code == 0
    tree_a, tree_b = generated_tree(a / "docs"), generated_tree(b / "docs")
    assert tree_a.keys() == tree_b.keys() and len(tree_a) > 10
    for rel in tree_a:
        assert tree_a[rel] == tree_b[rel], f"docs/{rel} differs between two builds"
    # A second build in place writes nothing.
    again = cli("build", "--root", str(a))
    assert ": 0 written" in again.output or "0 written" in again.output
