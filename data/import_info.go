package data

// custInfo is what an import keeps about one customer it has met.
type custInfo struct {
	state   rowState   // 0 until the batch finds or creates them
	touched bool       // their stats must be recomputed
	filled  filledMask // their filled fields, once state is set
}

// custInfos holds custInfo for every customer an import meets: in fixed blocks for
// the customers it creates (their ids run on from first; a block never moves, so a
// record's address stays valid), in a map for earlier ones. A 500k-row sheet has some
// 170k buyers; three maps of them were a third of the import's heap.
type custInfos struct {
	first   int64
	created []*[infoBlock]custInfo
	earlier map[int64]*custInfo
}

const infoBlock = 4096

func newCustInfos(first int64) *custInfos {
	return &custInfos{first: first, earlier: map[int64]*custInfo{}}
}

// at returns the customer's record, making it when missing.
func (c *custInfos) at(id int64) *custInfo {
	if id >= c.first {
		i := int(id - c.first)
		for len(c.created) <= i/infoBlock {
			c.created = append(c.created, new([infoBlock]custInfo))
		}
		return &c.created[i/infoBlock][i%infoBlock]
	}
	ci := c.earlier[id]
	if ci == nil {
		ci = &custInfo{}
		c.earlier[id] = ci
	}
	return ci
}

// each calls fn for every record, in no particular order (blocks include records of
// ids not used yet: their state is 0).
func (c *custInfos) each(fn func(id int64, ci *custInfo)) {
	for b, block := range c.created {
		for i := range block {
			fn(c.first+int64(b*infoBlock+i), &block[i])
		}
	}
	for id, ci := range c.earlier {
		fn(id, ci)
	}
}
