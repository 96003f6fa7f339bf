"""Renderers: each turns the validated corpus into the text of generated files."""
