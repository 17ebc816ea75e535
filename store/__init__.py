"""factdiff's headless core: reading articles, finding claims and entities, aligning facts, storing and exporting them."""
