"""Pure computation: numpy arrays, shapely 2 geometry arrays and pandas frames. No QGIS import."""
