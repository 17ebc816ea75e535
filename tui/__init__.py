"""factdiff's terminal app (Textual), over the headless store."""
