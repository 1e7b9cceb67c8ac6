"""Gunicorn settings. Gunicorn handles SIGTERM itself: it stops accepting connections and
lets workers finish their requests within graceful_timeout."""
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
graceful_timeout = 30
accesslog = "-"
