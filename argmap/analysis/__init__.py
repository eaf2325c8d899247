"""Analysis of argument maps: free functions over the graph."""
