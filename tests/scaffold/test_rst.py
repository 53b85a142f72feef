"""The reStructuredText converter on the constructs that OCA readme fragments use."""

from __future__ import annotations

from onboardkit.scaffold.rst import rst_to_markdown


def convert(text: str) -> str:
    return rst_to_markdown(text).markdown


def test_headings_ranked_by_first_use() -> None:
    text = "Usage\n=====\n\nIntro.\n\nDetails\n-------\n\nMore.\n\nOther\n=====\n\nEnd.\n"
    assert convert(text) == "# Usage\n\nIntro.\n\n## Details\n\nMore.\n\n# Other\n\nEnd.\n"


def test_overlined_heading() -> None:
    assert convert("=====\nTitle\n=====\n\nText.\n") == "# Title\n\nText.\n"


def test_paragraph_lines_joined() -> None:
    assert convert("One line\nand the next.\n\nSecond paragraph.\n") == (
        "One line and the next.\n\nSecond paragraph.\n"
    )


def test_bullet_list() -> None:
    assert convert("* first\n* second\n  continued\n- third\n") == (
        "- first\n- second continued\n- third\n"
    )


def test_numbered_lists_all_styles() -> None:
    assert convert("#. one\n#. two\n") == "1. one\n2. two\n"
    assert convert("1. one\n2. two\n") == "1. one\n2. two\n"
    assert convert("(a) one\n(b) two\n") == "1. one\n2. two\n"


def test_nested_list_uses_four_spaces() -> None:
    text = "#. Install it:\n\n   * on Odoo.sh\n   * on premise\n\n#. Restart\n"
    assert convert(text) == ("1. Install it:\n\n    - on Odoo.sh\n    - on premise\n\n2. Restart\n")


def test_literal_block_after_double_colon() -> None:
    text = "Run this::\n\n    pip install zeep\n    odoo -u all\n\nDone.\n"
    assert convert(text) == "Run this:\n\n```\npip install zeep\nodoo -u all\n```\n\nDone.\n"


def test_lone_double_colon_disappears() -> None:
    assert convert("Text.\n\n::\n\n    code\n") == "Text.\n\n```\ncode\n```\n"


def test_code_block_directive_keeps_language_and_blank_lines() -> None:
    text = ".. code-block:: python\n   :linenos:\n\n   a = 1\n\n   b = 2\n"
    assert convert(text) == "```python\na = 1\n\nb = 2\n```\n"


def test_code_directive_inside_list_item() -> None:
    text = "#. Book it\n\n   .. code:: bash\n\n      sample-cli book\n"
    assert convert(text) == "1. Book it\n\n    ```bash\n    sample-cli book\n    ```\n"


def test_inline_literal_and_emphasis() -> None:
    assert convert("Set ``workers = 2`` in *odoo.conf*, **now**.\n") == (
        "Set `workers = 2` in *odoo.conf*, **now**.\n"
    )


def test_default_role_becomes_emphasis() -> None:
    assert convert("Open `Settings`.\n") == "Open *Settings*.\n"


def test_embedded_links() -> None:
    text = "See `the docs <https://example.com/docs>`_ and `this <https://example.com/x>`__.\n"
    assert convert(text) == (
        "See [the docs](https://example.com/docs) and [this](https://example.com/x).\n"
    )


def test_named_link_with_target() -> None:
    text = "Read `Odoo docs`_ first.\n\n.. _Odoo docs: https://www.odoo.com/documentation\n"
    assert convert(text) == "Read [Odoo docs](https://www.odoo.com/documentation) first.\n"


def test_image_dropped_with_note() -> None:
    result = rst_to_markdown(".. image:: ../static/description/screen.png\n   :width: 600\n")
    assert result.markdown == "*(Image not included: screen.png.)*\n"
    assert result.notes == ["image '../static/description/screen.png' left out"]


def test_figure_keeps_caption() -> None:
    text = ".. figure:: https://example.com/a.png\n   :alt: A\n\n   The form.\n"
    assert convert(text) == "*(Image not included: a.png.)*\n\nThe form.\n"


def test_admonitions() -> None:
    assert convert(".. note:: Back up\n   the database.\n") == (
        "!!! note\n\n    Back up the database.\n"
    )
    assert convert(".. warning::\n\n   Not in production.\n") == (
        "!!! warning\n\n    Not in production.\n"
    )
    assert convert(".. important:: Read it.\n") == "!!! info\n\n    Read it.\n"


def test_comments_and_unknown_directives_left_out() -> None:
    result = rst_to_markdown(".. a comment\n\nText.\n\n.. raw:: html\n\n   <b>x</b>\n")
    assert result.markdown == "Text.\n"
    assert result.notes == ["directive 'raw' left out"]


def test_indented_text_is_block_quote() -> None:
    assert convert("Features:\n\n    * fast\n    * small\n") == (
        "Features:\n\n> - fast\n> - small\n"
    )


def test_empty_text() -> None:
    assert convert("\n\n") == ""


def test_ellipsis_paragraph_kept() -> None:
    assert convert("...and so on.\n") == "...and so on.\n"
