"""``gloss tags``: list, add, rename, recolour, rekey and delete highlight tags."""

from __future__ import annotations

import argparse
import json

from annotations.cli import add_store_option, inert, open_store

DESCRIPTION = """List and edit highlight tags.

  gloss tags [--json]                      list tags with their key, colour and use
  gloss tags add NAME [--key K] [--colour C]
  gloss tags rename OLD NEW                highlights follow the new name
  gloss tags recolour NAME COLOUR          COLOUR like #e5c07b
  gloss tags rekey NAME KEY                KEY 1-9, 0, or none
  gloss tags delete NAME [--reassign OTHER]"""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the sub-actions of ``tags``."""
    parser.add_argument("--json", action="store_true", help="print the tags as a JSON array")
    add_store_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="create a tag")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--key", metavar="K", help="its key: 1-9 or 0")
    add.add_argument("--colour", "--color", dest="colour", metavar="C", help="its colour, like #56b6c2")
    rename = actions.add_parser("rename", help="rename a tag (highlights follow)")
    rename.add_argument("name", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    recolour = actions.add_parser("recolour", aliases=["recolor"], help="change a tag's colour")
    recolour.add_argument("name", metavar="NAME")
    recolour.add_argument("colour", metavar="COLOUR")
    rekey = actions.add_parser("rekey", help="change a tag's key")
    rekey.add_argument("name", metavar="NAME")
    rekey.add_argument("key", metavar="KEY")
    delete = actions.add_parser("delete", help="delete a tag (unused, or with --reassign)")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--reassign", metavar="OTHER", help="move its highlights to this tag first")
    for sub in (add, rename, recolour, rekey, delete):
        add_store_option(sub, default=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    """Do the action (or list the tags)."""
    with open_store(args, reading=args.action is None) as store:
        action = args.action
        if action == "add":
            tag = store.add_tag(args.name, key=args.key, colour=args.colour)
        elif action == "rename":
            tag = store.rename_tag(args.name, args.new)
        elif action in ("recolour", "recolor"):
            tag = store.recolour_tag(args.name, args.colour)
        elif action == "rekey":
            tag = store.rekey_tag(args.name, None if args.key.lower() in ("none", "-") else args.key)
        elif action == "delete":
            stored = store.tag(args.name)  # the names as the store spells them
            store.delete_tag(args.name, reassign_to=args.reassign)
            target = store.tag(args.reassign) if args.reassign else None
            moved = f"; its highlights are now {inert(target.name)}" if target else ""
            print(f"deleted tag {inert(stored.name if stored else args.name)}{moved}")
            return 0
        else:
            _list(store.tags(), store.tag_usage(), args.json)
            return 0
    print(f"{inert(tag.name)}  key {tag.key or '-'}  {tag.colour}")
    return 0


def _list(tags: list, usage: dict[str, int], as_json: bool) -> None:
    """Print the tags as a table or a JSON array."""
    if as_json:
        rows = [{**tag.to_json(), "count": usage.get(tag.name, 0)} for tag in tags]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for tag in tags:
        print(f"{tag.key or '-'}  {tag.colour}  {inert(tag.name)}  ({usage.get(tag.name, 0)})")
