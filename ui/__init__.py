"""Dialogs and widgets. They run the registered Processing algorithms and never repeat their logic."""
