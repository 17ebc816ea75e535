"""The user's own settings for the app: an optional keymap file that remaps bindings by their ids."""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

from platformdirs import user_config_dir


class ConfigError(Exception):
    """A settings file that cannot be used, with a one-line reason."""


def config_dir() -> Path:
    return Path(os.environ.get("FACTDIFF_CONFIG") or user_config_dir("factdiff"))


def keymap_path() -> Path:
    return config_dir() / "keymap.toml"


def load_keymap(path: Path) -> dict[str, str]:
    """The `[keymap]` table of `path` (binding id = "keys"); {} when there is no file. Raises ConfigError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(keys, str) and keys.strip() for keys in keymap.values()):
        raise ConfigError(f'{path}: [keymap] should map binding ids to keys, e.g. "app.search" = "ctrl+f"')
    return keymap
