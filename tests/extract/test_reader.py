"""read_document and iter_document_paths on real files written to a temporary folder."""

from __future__ import annotations

import pytest

from cellkg.core.errors import InputError
from cellkg.extract import iter_document_paths, read_document


@pytest.mark.parametrize(
    "name, payload, reason",
    [
        ("a.txt", b"abc\x00def", "binary"),
        ("b.txt", b"   \n\t ", "empty"),
        ("c.docx", b"PK\x03\x04 word", "unsupported_type"),
        ("d.pdf", b"%PDF-1.4", "pdf"),
    ],
)
def test_bad_inputs_raise_with_reason(tmp_path, name, payload, reason):
    path = tmp_path / name
    path.write_bytes(payload)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.reason == reason


def test_too_large_raises(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("CAR-T " * 100, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(path, max_bytes=50)
    assert caught.value.reason == "too_large"


def test_gb18030_chinese_text_is_decoded_and_detected(tmp_path):
    path = tmp_path / "zh.txt"
    text = "某研究院团队开发了靶向CD19的CAR-T细胞疗法，用于治疗难治性淋巴瘤患者，疗效显著。\n"
    path.write_bytes(text.encode("gb18030"))
    record = read_document(path)
    assert record.lang == "zh" and record.text == text and record.name == "zh"
    assert record.title.startswith("某研究院")


def test_html_drops_scripts_and_navigation(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><script>var x=1;</script></head><body><nav>Home | News</nav>"
        "<h1>Engineered NK cells</h1><p>Dr. Ana Ruiz of Example University reported results.</p>"
        "<footer>Contact us</footer></body></html>",
        encoding="utf-8",
    )
    record = read_document(path)
    assert "var x" not in record.text and "Home" not in record.text and "Contact" not in record.text
    assert record.title == "Engineered NK cells" and record.lang == "en" and record.media_type == "text/html"


def test_iter_document_paths_expands_folders_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/c.html", "skip.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_document_paths([tmp_path])]
    assert found == ["a.md", "b.txt", "sub/c.html"]
