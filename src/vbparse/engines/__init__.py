"""Engines that run the parsing job on many files: ``local`` (worker processes on this
machine, the default) and ``dask`` (a dask.distributed cluster, optional extra ``dask``).

Each engine module has one function, ``run(paths, job, *, timeout, window, …)``, that yields
``(index, result)`` as files finish, in any order; ``vbparse.batch`` puts them back in order.
"""
