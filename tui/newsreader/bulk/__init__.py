"""Annotating a whole archive into the store, on one machine or on a Dask cluster.

The reader and the headless commands read annotations from the store; this
package fills it in bulk. Work is split into batches of texts, each batch
is annotated by a worker (a local process or a Dask worker) and written by
this process alone, one transaction per batch, so a run stopped at any
point keeps every finished batch and a second run does only the rest.
"""

from newsreader.bulk.run import ENGINES, BulkReport, annotate_into_store

__all__ = ["ENGINES", "BulkReport", "annotate_into_store"]
