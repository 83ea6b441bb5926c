package data

// EraseResult counts what erasing one buyer removed.
type EraseResult struct {
	Trades    int
	Contacts  int
	FollowUps int
	Snapshots int // import-batch snapshots that held their data
}
