"""The app's screens: browse, compare, source, search, help."""
