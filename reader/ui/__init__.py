"""The Textual app: ``reader.ui.app.make_app`` builds it; screens and widgets live below."""
