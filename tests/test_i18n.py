"""The interface in Norwegian Bokmål and English: catalogues, language choice, the
reader and the command line in each language."""

from __future__ import annotations

import datetime as dt
import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from tui import i18n
from tui.app import make_app
from tui.cli import main
from tui.commands import BY_ID
from tui.i18n import language_for, language_from_environment, set_language
from tui.screens.help import HelpScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.sidebar import Sidebar
from views_support import seed_matcher, settle

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "tui" / "locale"
CATALOGUES = {language: LOCALE / language / "LC_MESSAGES" / "crossread.po" for language in ("nb", "en")}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def extracted_ids() -> set[str]:
    """Every message the code marks, extracted now with babel and the repo's mapping."""
    with (LOCALE / "babel.cfg").open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)
    found = extract_from_dir(ROOT / "tui", method_map, options_map, keywords=KEYWORDS)
    return {_key(message_id) for _file, _line, message_id, _comments, _context in found}


def catalogue(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def catalogue_ids(path: Path) -> set[str]:
    return {_key(message.id) for message in catalogue(path) if message.id}


def test_the_template_and_both_catalogues_hold_exactly_the_messages_of_the_code() -> None:
    code = extracted_ids()
    assert len(code) > 250
    for path in (LOCALE / "messages.pot", *CATALOGUES.values()):
        ids = catalogue_ids(path)
        assert not code - ids, f"{path.name} is stale: missing {sorted(code - ids)[:5]}"
        assert not ids - code, f"{path.name} is stale: no longer used {sorted(ids - code)[:5]}"


def test_every_message_has_a_norwegian_translation_that_is_not_fuzzy() -> None:
    untranslated = []
    for message in catalogue(CATALOGUES["nb"]):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if message.fuzzy or not all(strings):
            untranslated.append(_key(message.id))
    assert untranslated == []


PLACEHOLDER = re.compile(r"\{[a-z_]+(?:![rs])?\}|%\([a-z_]+\)[sdr]|%[sdr]")


def test_translations_keep_every_placeholder() -> None:
    """A translation that drops or renames {count} or %(prog)s would crash or lie."""
    for message in catalogue(CATALOGUES["nb"]):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        wanted = sorted(set(PLACEHOLDER.findall(ids[-1])))
        for string in strings:
            assert sorted(set(PLACEHOLDER.findall(string))) == wanted, (message.id, string)


@pytest.mark.parametrize(
    ("value", "language"),
    [
        ("nb_NO.UTF-8", "nb"),
        ("no", "nb"),
        ("nn", "nb"),
        ("nn_NO", "nb"),
        ("no_NO.ISO-8859-1", "nb"),
        ("en_GB.UTF-8", "en"),
        ("de_DE.UTF-8", "en"),
        ("C", "en"),
        ("POSIX", "en"),
        ("", "en"),
    ],
)
def test_locale_names_map_to_an_interface_language(value: str, language: str) -> None:
    assert language_for(value) == language


def test_the_first_non_empty_locale_variable_wins_in_posix_order() -> None:
    assert language_from_environment({"LC_ALL": "nb_NO.UTF-8", "LANG": "en_US.UTF-8"}) == "nb"
    assert language_from_environment({"LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANG": "nb_NO.UTF-8"}) == "en"
    assert language_from_environment({"LC_ALL": "", "LANG": "nb_NO.UTF-8"}) == "nb"
    assert language_from_environment({}) == "en"


def test_dates_numbers_and_language_names_follow_the_interface_language() -> None:
    day = dt.date(2023, 3, 21)
    set_language("nb")
    assert (i18n.format_date(day), i18n.format_date(day, "medium")) == ("tirsdag 21. mars 2023", "21. mars 2023")
    assert (i18n.language_name("nb"), i18n.language_name("en")) == ("norsk bokmål", "engelsk")
    assert i18n.format_decimal(0.45) == "0,45"
    set_language("en")
    assert (i18n.format_date(day), i18n.format_date(day, "medium")) == ("Tuesday, March 21, 2023", "Mar 21, 2023")
    assert (i18n.language_name("nb"), i18n.language_name("en")) == ("Norwegian Bokmål", "English")
    assert i18n.format_decimal(0.45) == "0.45"


def test_plural_forms_follow_the_count() -> None:
    set_language("nb")
    assert i18n.ngettext("{count} article", "{count} articles", 1).format(count=1) == "1 artikkel"
    assert i18n.ngettext("{count} article", "{count} articles", 5).format(count=5) == "5 artikler"


def test_the_catalogues_compile_to_files_that_gettext_reads(tmp_path: Path) -> None:
    shutil.copytree(LOCALE, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    written = i18n.compile_catalogues(tmp_path / "locale")
    assert {path.parent.parent.name for path in written} == {"nb", "en"}
    nb = gettext.translation("crossread", tmp_path / "locale", languages=["nb"])
    assert nb.gettext("Quit crossread") == "Avslutt crossread"


def test_without_compiled_files_the_catalogue_is_compiled_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(LOCALE, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    i18n.translations.cache_clear()
    try:
        assert not list((tmp_path / "locale").rglob("*.mo"))
        set_language("nb")
        assert i18n.gettext("Quit crossread") == "Avslutt crossread"
    finally:
        i18n.translations.cache_clear()


def test_help_and_errors_on_the_command_line_speak_the_chosen_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--ui-lang", "nb", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("bruk: crossread")
    assert "vis denne hjelpeteksten og avslutt" in out
    assert BY_ID["quit"].description not in out and "Avslutt crossread" in out
    with pytest.raises(SystemExit):
        main(["--ui-lang", "nb", "--no-such-option"])
    assert "crossread: feil: ukjente argumenter: --no-such-option" in capsys.readouterr().err
    assert main(["links", "--ui-lang", "nb", "--min-score", "2"]) == 2
    assert "må være mellom 0 og 1" in capsys.readouterr().err
    set_language("en")
    with pytest.raises(SystemExit):
        main(["--ui-lang", "en", "--help"])
    assert capsys.readouterr().out.startswith("usage: crossread")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "nb_NO.UTF-8"}, "bruk: crossread links"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nb_NO.UTF-8"}, "usage: crossread links"),
        ({"LC_MESSAGES": "no_NO.UTF-8", "LANG": "en_GB.UTF-8"}, "bruk: crossread links"),
    ],
)
def test_the_locale_variables_choose_the_command_line_language(environment: dict[str, str], expected: str) -> None:
    """A fresh ``python -m tui``, as the user starts it, with only the locale variables set."""
    env = {k: v for k, v in os.environ.items() if k not in (*i18n.LOCALE_VARIABLES, i18n.ENV_VAR)}
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "-m", "tui", "links", "--help"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith(expected)


async def test_the_reader_in_norwegian() -> None:
    app = make_app(ui_locale="nb", matcher=seed_matcher, isolate=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        articles = screen.query_one(ArticleList)
        assert articles.border_title == "Artikler"
        assert str(articles.border_subtitle) == "5 artikler"
        first = str(articles.get_option_at_index(1).prompt)
        assert "norsk bokmål" in first and "ukjent medium" in first and "581 ord" in first
        sidebar = screen.query_one(Sidebar)
        assert sidebar.border_title == "Samme opplysning andre steder · ≥ 0,50"
        footer = {binding.description for _, binding, _, _ in screen.active_bindings.values() if binding.show}
        assert {"Avslutt", "Hjelp", "Tilbake", "Les"} <= footer
        assert app.sub_title == "samme opplysning andre steder"
        pane = screen.query_one(ReadingPane)
        for _ in range(len(articles.articles)):
            if pane.article is not None and pane.article.outlet == "CNN":
                break
            await pilot.press("j")
            await pilot.pause()
        assert str(pane.border_title) == "CNN · engelsk · tirsdag 21. mars 2023"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert "Avslutt crossread" in text and "Slik leser du skjermen" in text
        assert "Quit crossread" not in text


async def test_a_skipped_file_is_explained_in_norwegian_from_the_background_process(tmp_path: Path) -> None:
    """The reasons come from the child process that loads the files: it speaks nb too."""
    (tmp_path / "tom.txt").write_bytes(b"")
    (tmp_path / "bilde.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    app = make_app([tmp_path], ui_locale="nb", matcher=seed_matcher)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        rows = [str(articles.get_option_at_index(n).prompt) for n in range(articles.option_count)]
        assert any("tom fil" in row for row in rows), rows
        assert any("binært innhold (PNG-bilde)" in row for row in rows), rows
        assert all("hoppet over:" in row for row in rows)


def test_remembered_dates_and_numbers_follow_the_interface_language() -> None:
    import datetime as dt

    from tui.i18n import current_language, format_date, format_number, set_language

    before = current_language()
    try:
        set_language("en")
        assert format_date(dt.date(2023, 3, 21), "medium") == "Mar 21, 2023"
        assert format_number(12345) == "12,345"
        set_language("nb")
        assert format_date(dt.date(2023, 3, 21), "medium") == "21. mars 2023"
        assert format_number(12345) in ("12\u00a0345", "12 345", "12\u202f345")
        assert format_number(1.5) == "1,5"
    finally:
        set_language(before)
