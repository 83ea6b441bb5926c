package data

// DateLayout is the stored calendar-date format.
const DateLayout = "2006-01-02"
