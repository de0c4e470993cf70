"""URL handling (Braid provides urllib.parse)."""
