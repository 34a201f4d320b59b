"""A small corpus written for the batch tests: invented stories, one cluster per line."""

from __future__ import annotations

import json
from pathlib import Path

STORIES = {
    "bridge": [
        "The city council voted on Monday to close the old river bridge for repairs. "
        "Engineers found cracks in two of its steel supports during a routine inspection. "
        "The bridge will reopen in the spring, the council said in a statement. "
        "Drivers are asked to use the northern crossing until then.",
        "The old river bridge will close for repairs after engineers found cracked supports. "
        "The council approved the closure in a vote on Monday evening. "
        "Repairs are expected to cost about four million dollars. "
        "Local shops near the bridge worry that fewer customers will come.",
    ],
    "orchestra": [
        "The youth orchestra won first prize at the national music festival on Saturday. "
        "Sixty young players performed a symphony that their conductor had arranged. "
        "The judges praised the string section for its precision and warmth. "
        "The orchestra will tour three cities next summer.",
        "A youth orchestra from the coast took first prize at the national festival. "
        "Its conductor said the players had rehearsed every weekend for a year. "
        "The prize includes a recording session at the national concert hall. "
        "Parents and teachers filled the hall to cheer the young musicians.",
    ],
    "harvest": [
        "Farmers in the valley reported a record apple harvest this autumn. "
        "Warm weather in the spring and steady rain in the summer helped the trees. "
        "Prices at the market fell as the supply of apples grew. "
        "Some growers are turning the surplus into cider and juice.",
        "The valley's apple growers picked more fruit this year than ever before. "
        "A cooperative said its members harvested about twelve thousand tonnes. "
        "Lower prices have worried smaller farms that depend on the crop. "
        "Cider makers say they will buy much of the extra fruit.",
    ],
}


def write_corpus(path: Path, bad: bool = True) -> list[str]:
    """Write the stories as JSONL (plus, with ``bad``, one cluster with no text); the ids."""
    ids = []
    with path.open("w", encoding="utf-8") as f:
        for name, docs in STORIES.items():
            f.write(json.dumps({"id": name, "documents": docs}) + "\n")
            ids.append(name)
            if bad and name == "bridge":
                f.write(json.dumps({"id": "empty", "documents": ["   ", ""]}) + "\n")
                ids.append("empty")
    return ids
