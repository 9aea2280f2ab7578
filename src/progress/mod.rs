//! What a reader has done and chosen, its stored schema, migrations, merge, export and import. Pure.
