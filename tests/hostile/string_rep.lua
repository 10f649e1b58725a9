-- Memory bomb: one huge string.rep with a separator, in a single C call.
return ('x'):rep(1e9, ',')
