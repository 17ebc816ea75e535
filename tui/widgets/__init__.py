"""The app's widgets: browse panes, the claim diff, the article view."""
