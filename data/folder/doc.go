// Package folder is ShopCRM's data folder: where it lies (Default), whether that is a
// synced folder or a network share (Synced), and the one-instance lock (TakeLock) that
// keeps a second ShopCRM off the same archive. It knows nothing of the database.
package folder
