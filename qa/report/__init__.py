"""Output formats: each renders ``Result.to_dict()`` (one canonical result)."""
