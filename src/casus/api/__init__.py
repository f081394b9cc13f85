"""The HTTP API: FastAPI routes over the application object (``casus serve``)."""

from casus.api.app import PREFIX, create_app

__all__ = ["PREFIX", "create_app"]
