package data

import "slices"

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

// phoneIndex finds, in a store that started empty, the customers with a phone
// without asking the database: phone → their ids, lowest first. Only real (unmasked)
// phones are looked up, so only those are kept; a customer's real phone never
// changes within a batch (later rows only fill gaps).
type phoneIndex map[string]phoneIDs

// phoneIDs are the ids of one phone's customers in ascending order; nearly every
// phone has one, kept without a slice.
type phoneIDs struct {
	first int64
	more  []int64
}

// add records that customer id has phone.
func (p phoneIndex) add(phone string, id int64) {
	ids, ok := p[phone]
	if !ok {
		p[phone] = phoneIDs{first: id}
		return
	}
	if ids.first == id {
		return
	}
	all := append([]int64{ids.first}, ids.more...)
	i, found := slices.BinarySearch(all, id)
	if found {
		return
	}
	all = slices.Insert(all, i, id)
	p[phone] = phoneIDs{first: all[0], more: all[1:]}
}

// phoneMatch is byPhoneSQL answered from the index: the lowest id with the row's
// phone and, when the row has a nick, no nick of their own.
func (im *importer) phoneMatch(c *Customer) int64 {
	ids, ok := im.phones[c.Phone]
	if !ok {
		return 0
	}
	fits := func(id int64) bool { return c.Nick == "" || im.info.at(id).filled&filledNick == 0 }
	if fits(ids.first) {
		return ids.first
	}
	for _, id := range ids.more {
		if fits(id) {
			return id
		}
	}
	return 0
}

// notePhone keeps the phone index up to date with a customer the batch wrote.
func (im *importer) notePhone(c *Customer) {
	if im.phones != nil && c.Phone != "" && !IsMaskedPhone(c.Phone) {
		im.phones.add(c.Phone, c.ID)
	}
}
