package sqlite

import (
	"slices"

	"shopcrm/data"
)

// custInfo is what an import keeps about one customer it has met.
type custInfo struct {
	state   rowState   // 0 until the batch finds or creates them
	touched bool       // their stats must be recomputed
	filled  filledMask // their filled fields, once state is set
}

// set records what the batch left the customer as.
func (ci *custInfo) set(state rowState, c *data.Customer) {
	ci.state, ci.filled = state, filled(c)
}

// phoneMayDiffer reports whether a row's phone may differ from the real phone of
// customer id, whom the batch has written (see keepSecondPhone): the batch's phone
// index knows a customer's phone, which never changes within a batch; without it,
// the customer is read.
func (im *importRun) phoneMayDiffer(id int64, ci *custInfo, phone string) bool {
	if phone == "" || ci.filled&filledPhone == 0 || data.IsMaskedPhone(phone) {
		return false
	}
	k, ok := phoneKey(phone)
	if !ok || im.phones == nil {
		return true
	}
	first, ok := im.phones.first[k]
	return !ok || first != id && !slices.Contains(im.phones.more[k], id)
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
// phones are looked up, so only those are kept, and only phones of up to 17 digits
// (nearly all), packed into an integer so that 170k buyers cost a few MB; a row with
// another phone is looked up the database way. A customer's real phone never
// changes within a batch (later rows only fill gaps).
type phoneIndex struct {
	first map[uint64]int64   // the lowest id
	more  map[uint64][]int64 // the further ids, ascending; rare
}

func newPhoneIndex() *phoneIndex {
	return &phoneIndex{first: map[uint64]int64{}, more: map[uint64][]int64{}}
}

// phoneKey packs a phone of 1 to 17 digits (with its length, so leading zeros
// count) into an integer.
func phoneKey(phone string) (uint64, bool) {
	if len(phone) == 0 || len(phone) > 17 {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(phone); i++ {
		if phone[i] < '0' || phone[i] > '9' {
			return 0, false
		}
		v = v*10 + uint64(phone[i]-'0')
	}
	return uint64(len(phone))<<59 | v, true
}

// add records that customer id has the phone with key k.
func (p *phoneIndex) add(k uint64, id int64) {
	first, ok := p.first[k]
	if !ok {
		p.first[k] = id
		return
	}
	if first == id {
		return
	}
	all := append([]int64{first}, p.more[k]...)
	i, found := slices.BinarySearch(all, id)
	if found {
		return
	}
	all = slices.Insert(all, i, id)
	p.first[k], p.more[k] = all[0], all[1:]
}

// phoneMatch is byPhoneSQL answered from the index, for a phone with key k: the
// lowest id with the row's phone and, when the row has a nick, no nick of their own.
func (im *importRun) phoneMatch(c *data.Customer, k uint64) int64 {
	first, ok := im.phones.first[k]
	if !ok {
		return 0
	}
	fits := func(id int64) bool { return c.Nick == "" || im.info.at(id).filled&filledNick == 0 }
	if fits(first) {
		return first
	}
	for _, id := range im.phones.more[k] {
		if fits(id) {
			return id
		}
	}
	return 0
}

// notePhone keeps the phone index up to date with a customer the batch wrote.
func (im *importRun) notePhone(c *data.Customer) {
	if im.phones == nil || data.IsMaskedPhone(c.Phone) {
		return
	}
	if k, ok := phoneKey(c.Phone); ok {
		im.phones.add(k, c.ID)
	}
}
