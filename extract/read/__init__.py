"""Reading: files to text (plain, HTML, PDF; Traditional Chinese through a Simplified copy) and text to
content sentences, with page furniture left out."""
