"""Charts (pyqtgraph). Imported lazily: the first screen does not need pyqtgraph and numpy to start fast."""
