"""The one strict YAML loader: safe, duplicate keys refused, dates kept as text.

Both the front matter of articles and the owner's ``aliases.yml`` are read with
it. PyYAML's own loader keeps the last of two equal keys silently, so a
repeated entry in ``aliases.yml`` used to lose the first one without a word.
"""

from __future__ import annotations

import reprlib
from typing import Any

import yaml

_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 60
_repr.maxlist = _repr.maxdict = 4
_repr.maxlevel = 2


def short(value: Any) -> str:
    """A bounded repr for error messages (a YAML alias bomb has a huge one)."""
    return _repr.repr(value)


class StrictLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text (checked by the schema, so an impossible
    date is a clear error, not a crash) and refuses duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:
                continue  # an unhashable key: the base class reports it
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {short(key)} appears twice; keep one", key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
