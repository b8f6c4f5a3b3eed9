"""The one exception that ends a run with exit status 2 and a one-line message."""


class QAError(Exception):
    """A usage, input or configuration error. ``str()`` is the whole message."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
