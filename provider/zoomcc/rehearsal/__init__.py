"""`zoomcc snapshot` and `zoomcc rehearse`: a copy of the account (read-only) in the
emulator, and the stack's change run there first.

snapshot (read the account in the API's shapes) -> the emulator loads it (ids kept) ->
copy (the stack's state in a throwaway local backend, every setting pointed at the
emulator) -> run (`pulumi preview`, `pulumi up`) -> report (changes, calls, refusals).
"""
